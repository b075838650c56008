package dev.triage.adapters.out.mail;

import dev.triage.application.port.AddressChecks;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Address checks in {@code address_checks} (V33), on the command's session. */
@ApplicationScoped
public class SqlAddressChecks implements AddressChecks {

  static final String OPEN =
      "insert into address_checks (user_id, requested_at)"
          + " values (cast(:user as uuid), cast(:now as timestamptz)) on conflict do nothing";

  static final String PENDING =
      "select cast(count(*) as text) from address_checks"
          + " where user_id = cast(:user as uuid) and confirmed_at is null";

  static final String CONFIRM =
      "update address_checks set confirmed_at = cast(:now as timestamptz)"
          + " where user_id = cast(:user as uuid) and confirmed_at is null";

  @Override
  public Uni<Void> open(UserId user, Instant now) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(OPEN)
                    .setParameter("user", user.value().toString())
                    .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Boolean> pending(UserId user) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(PENDING, String.class)
                    .setParameter("user", user.value().toString())
                    .getSingleResult())
        .map(count -> !"0".equals(count));
  }

  @Override
  public Uni<Void> confirm(UserId user, Instant now) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(CONFIRM)
                    .setParameter("user", user.value().toString())
                    .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate())
        .replaceWithVoid();
  }
}
