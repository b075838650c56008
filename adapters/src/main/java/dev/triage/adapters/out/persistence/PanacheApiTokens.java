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
}
