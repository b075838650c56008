package dev.triage.application.identity.apitoken;

import dev.triage.application.port.ApiTokens;
import dev.triage.domain.user.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An API token as listed: never its secret. {@code secret} is present only in the answer to its
 * creation. {@code lastUsedAt} is noted at most once a minute, so it may lag a use by that much.
 */
public record ApiTokenView(
    UUID id,
    String name,
    List<String> scopes,
    UUID createdBy,
    Instant createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt,
    Optional<String> secret) {

  /** The audited entity type of API tokens (recorded without their secret). */
  public static final String ENTITY = "ApiToken";

  static ApiTokenView of(ApiTokens.Stored t, Optional<String> secret) {
    return new ApiTokenView(
        t.id(),
        t.name(),
        t.scopes().stream().map(Scope::key).sorted().toList(),
        t.createdBy().value(),
        t.createdAt(),
        t.expiresAt(),
        t.revokedAt(),
        t.lastUsedAt(),
        secret);
  }

  @Override
  public String toString() {
    return "ApiTokenView[id=" + id + ", name=" + name + "]";
  }
}
