package dev.triage.application.port;

import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens, stored as hashes. Each login starts a family; each refresh uses one token up and
 * adds the next of the family. A token used twice means it was stolen: the family is revoked.
 */
public interface RefreshTokens {

  Uni<Void> add(Stored token);

  /** Whose token this hash is, read without a lock (to take the account's lock first). */
  Uni<Optional<UserId>> ownerOf(String tokenHash);

  /** The token with this hash, locked for the rest of the transaction. */
  Uni<Optional<Stored>> byHashForUpdate(String tokenHash);

  Uni<Void> markUsed(UUID id, Instant at);

  Uni<Void> revokeFamily(UUID familyId, Instant at);

  Uni<Void> revokeAllOf(UserId userId, Instant at);

  /**
   * One stored refresh token. {@code sessionStartedAt} is the login that started its family, which
   * every token of the family carries on: the session ends a fixed time after it, however often it
   * is refreshed.
   */
  record Stored(
      UUID id,
      UserId userId,
      UUID familyId,
      String tokenHash,
      Instant sessionStartedAt,
      Instant issuedAt,
      Instant expiresAt,
      Optional<Instant> usedAt,
      Optional<Instant> revokedAt) {}
}
