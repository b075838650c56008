package dev.triage.adapters.out.persistence;

import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens in {@code refresh_tokens}; a row lock serializes two uses of one token, and the
 * account's row lock (taken first) serializes a refresh with a revocation.
 */
@ApplicationScoped
public class PanacheRefreshTokens implements RefreshTokens {

  @Override
  public Uni<Void> add(Stored token) {
    return Panache.getSession()
        .flatMap(s -> s.persist(RefreshTokenEntity.fromDomain(token)).chain(s::flush));
  }

  @Override
  public Uni<Optional<UserId>> ownerOf(String tokenHash) {
    // A projection, so the locked read that follows loads the row afresh.
    return Panache.getSession()
        .flatMap(
            s ->
                s.createSelectionQuery(
                        "select r.userId from RefreshTokenEntity r where r.tokenHash = :hash",
                        UUID.class)
                    .setParameter("hash", tokenHash)
                    .getSingleResultOrNull())
        .map(id -> Optional.ofNullable(id).map(UserId::new));
  }

  @Override
  public Uni<Optional<Stored>> byHashForUpdate(String tokenHash) {
    return RefreshTokenEntity.<RefreshTokenEntity>find("tokenHash", tokenHash)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .map(e -> Optional.ofNullable(e).map(RefreshTokenEntity::toDomain));
  }

  @Override
  public Uni<Void> markUsed(UUID id, Instant at) {
    return RefreshTokenEntity.update("usedAt = ?1 where id = ?2 and usedAt is null", at, id)
        .replaceWithVoid();
  }

  @Override
  public Uni<Void> revokeFamily(UUID familyId, Instant at) {
    return RefreshTokenEntity.update(
            "revokedAt = ?1 where familyId = ?2 and revokedAt is null", at, familyId)
        .replaceWithVoid();
  }

  @Override
  public Uni<Void> revokeAllOf(UserId userId, Instant at) {
    return RefreshTokenEntity.update(
            "revokedAt = ?1 where userId = ?2 and revokedAt is null", at, userId.value())
        .replaceWithVoid();
  }
}
