package dev.triage.adapters.out.persistence;

import dev.triage.application.port.ApiTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens in {@code api_tokens}. */
@ApplicationScoped
public class PanacheApiTokens implements ApiTokens {

  /** Tokens made by tokens are followed this many steps back; a longer chain has no maker. */
  static final int MAX_MAKER_STEPS = 16;

  @Override
  public Uni<Void> add(Stored token) {
    return Panache.getSession()
        .flatMap(s -> s.persist(ApiTokenEntity.fromDomain(token)).chain(s::flush));
  }

  @Override
  public Uni<Optional<Stored>> byHash(String tokenHash) {
    return ApiTokenEntity.<ApiTokenEntity>find("tokenHash", tokenHash)
        .firstResult()
        .map(e -> Optional.ofNullable(e).map(ApiTokenEntity::toDomain));
  }

  @Override
  public Uni<Optional<Stored>> byId(UUID id) {
    return ApiTokenEntity.<ApiTokenEntity>findById(id)
        .map(e -> Optional.ofNullable(e).map(ApiTokenEntity::toDomain));
  }

  @Override
  public Uni<List<Stored>> all() {
    return ApiTokenEntity.<ApiTokenEntity>findAll(Sort.descending("createdAt"))
        .list()
        .map(rows -> rows.stream().map(ApiTokenEntity::toDomain).toList());
  }

  @Override
  public Uni<Boolean> revoke(UUID id, Instant at) {
    return ApiTokenEntity.update("revokedAt = coalesce(revokedAt, ?1) where id = ?2", at, id)
        .map(count -> count == 1);
  }

  /**
   * One query walks {@code created_by} from token to token (a bounded number of steps, so no chain
   * can loop) until it reaches an account, which must be an active admin.
   */
  @Override
  public Uni<Boolean> madeByActiveAdmin(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "with recursive makers (maker, steps) as ("
                            + " select created_by, 0 from api_tokens where id = :id"
                            + " union all"
                            + " select t.created_by, m.steps + 1 from api_tokens t"
                            + " join makers m on t.id = m.maker where m.steps < "
                            + MAX_MAKER_STEPS
                            + ") select exists (select 1 from makers m join users u"
                            + " on u.id = m.maker where u.active and u.role = 'ADMIN')",
                        Boolean.class)
                    .setParameter("id", id)
                    .getSingleResult());
  }

  @Override
  public Uni<Void> noteUse(UUID id, Instant at, Instant notedSince) {
    return ApiTokenEntity.update(
            "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
            at,
            id,
            notedSince)
        .replaceWithVoid();
  }
}
