package dev.triage.adapters.out.persistence;

import dev.triage.application.port.ApiTokens;
import dev.triage.domain.user.Scope;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/** The {@code api_tokens} row (hash only). */
@Entity
@Table(name = "api_tokens")
public class ApiTokenEntity extends PanacheEntityBase {

  @Id public UUID id;
  public String name;

  @Column(name = "token_hash")
  public String tokenHash;

  public String[] scopes;

  @Column(name = "created_by")
  public UUID createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  static ApiTokenEntity fromDomain(ApiTokens.Stored t) {
    ApiTokenEntity e = new ApiTokenEntity();
    e.id = t.id();
    e.name = t.name();
    e.tokenHash = t.tokenHash();
    e.scopes = t.scopes().stream().map(Scope::key).sorted().toArray(String[]::new);
    e.createdBy = t.createdBy().value();
    e.createdAt = t.createdAt();
    e.expiresAt = t.expiresAt().orElse(null);
    e.revokedAt = t.revokedAt().orElse(null);
    e.lastUsedAt = t.lastUsedAt().orElse(null);
    return e;
  }

  ApiTokens.Stored toDomain() {
    EnumSet<Scope> set = EnumSet.noneOf(Scope.class);
    for (String s : scopes) {
      Scope.parse(s).ifPresent(set::add);
    }
    return new ApiTokens.Stored(
        id,
        name,
        tokenHash,
        set,
        new UserId(createdBy),
        createdAt,
        Optional.ofNullable(expiresAt),
        Optional.ofNullable(revokedAt),
        Optional.ofNullable(lastUsedAt));
  }
}
