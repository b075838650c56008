package dev.triage.application.port;

import dev.triage.domain.user.Scope;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens for integrations, stored as SHA-256 hashes: the secret is shown once, never kept. A
 * token's creator is an admin's user id, or the id of the admin-scoped token that made it.
 */
public interface ApiTokens {

  Uni<Void> add(Stored token);

  Uni<Optional<Stored>> byHash(String tokenHash);

  Uni<Optional<Stored>> byId(UUID id);

  Uni<List<Stored>> all();

  /** Revokes the token; false when there is no such token. */
  Uni<Boolean> revoke(UUID id, Instant at);

  /**
   * Whether the admin at the root of the token's makers (following tokens made by tokens back to a
   * person) is still an active admin.
   */
  Uni<Boolean> madeByActiveAdmin(UUID id);

  /**
   * Notes that the token was used at {@code at}, unless a use at or after {@code notedSince} is
   * noted already (so a busy token costs one write per interval, not one per request).
   */
  Uni<Void> noteUse(UUID id, Instant at, Instant notedSince);

  /** One stored API token (without its secret); no expiry means it works until revoked. */
  record Stored(
      UUID id,
      String name,
      String tokenHash,
      Set<Scope> scopes,
      UserId createdBy,
      Instant createdAt,
      Optional<Instant> expiresAt,
      Optional<Instant> revokedAt,
      Optional<Instant> lastUsedAt) {

    /** Whether the token may act at {@code now} (its maker aside). */
    public boolean worksAt(Instant now) {
      return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** This token, revoked at {@code at} unless it was already. */
    public Stored revoked(Instant at) {
      return new Stored(
          id,
          name,
          tokenHash,
          scopes,
          createdBy,
          createdAt,
          expiresAt,
          revokedAt.or(() -> Optional.of(at)),
          lastUsedAt);
    }
  }
}
