package dev.triage.adapters.out.mail;

import dev.triage.application.port.AccountTokens;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Account tokens in {@code account_tokens} (V33), written on the command's session so they commit
 * with the rest of the command. Redeeming is one statement: the token is spent only if it is still
 * open and unexpired, so two confirmations racing with one token cannot both win.
 */
@ApplicationScoped
public class SqlAccountTokens implements AccountTokens {

  static final String ISSUE =
      "insert into account_tokens (id, user_id, purpose, token_hash, created_at, expires_at)"
          + " values (cast(:id as uuid), cast(:user as uuid), cast(:purpose as text),"
          + " cast(:hash as text), cast(:now as timestamptz), cast(:expires as timestamptz))";

  static final String REDEEM =
      "with spent as (update account_tokens set used_at = cast(:now as timestamptz)"
          + " where token_hash = cast(:hash as text) and purpose = cast(:purpose as text)"
          + " and used_at is null and expires_at > cast(:now as timestamptz)"
          + " returning user_id),"
          + " others as (update account_tokens t set used_at = cast(:now as timestamptz)"
          + " from spent where t.user_id = spent.user_id and t.purpose = cast(:purpose as text)"
          + " and t.used_at is null)"
          + " select cast(user_id as text) from spent";

  @Override
  public Uni<Void> issue(
      UserId user, Purpose purpose, String hash, Instant now, Instant expiresAt) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(ISSUE)
                    .setParameter("id", UUID.randomUUID().toString())
                    .setParameter("user", user.value().toString())
                    .setParameter("purpose", purpose.name())
                    .setParameter("hash", hash)
                    .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .setParameter("expires", expiresAt.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Optional<UserId>> redeem(Purpose purpose, String hash, Instant now) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(REDEEM, String.class)
                    .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .setParameter("hash", hash)
                    .setParameter("purpose", purpose.name())
                    .getResultList())
        .map(
            (List<String> rows) ->
                rows.isEmpty()
                    ? Optional.<UserId>empty()
                    : Optional.of(UserId.of(UUID.fromString(rows.getFirst()))));
  }
}
