package dev.triage.application.port;

import dev.triage.domain.user.Scope;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** API tokens for integrations, stored as SHA-256 hashes: the secret is shown once, never kept. */
public interface ApiTokens {

  Uni<Void> add(Stored token);

  Uni<Optional<Stored>> byHash(String tokenHash);

  Uni<Optional<Stored>> byId(UUID id);

  Uni<List<Stored>> all();

  /** Revokes the token; false when there is no such token. */
  Uni<Boolean> revoke(UUID id, Instant at);

  /** One stored API token (without its secret). */
  record Stored(
      UUID id,
      String name,
      String tokenHash,
      Set<Scope> scopes,
      UserId createdBy,
      Instant createdAt,
      Optional<Instant> revokedAt) {}
}
