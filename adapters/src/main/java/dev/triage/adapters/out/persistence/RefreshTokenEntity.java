package dev.triage.adapters.out.persistence;

import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code refresh_tokens} row (hash only). */
@Entity
@Table(name = "refresh_tokens")
public class RefreshTokenEntity extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "user_id")
  public UUID userId;

  @Column(name = "family_id")
  public UUID familyId;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "session_started_at")
  public Instant sessionStartedAt;

  @Column(name = "issued_at")
  public Instant issuedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  static RefreshTokenEntity fromDomain(RefreshTokens.Stored t) {
    RefreshTokenEntity e = new RefreshTokenEntity();
    e.id = t.id();
    e.userId = t.userId().value();
    e.familyId = t.familyId();
    e.tokenHash = t.tokenHash();
    e.sessionStartedAt = t.sessionStartedAt();
    e.issuedAt = t.issuedAt();
    e.expiresAt = t.expiresAt();
    e.usedAt = t.usedAt().orElse(null);
    e.revokedAt = t.revokedAt().orElse(null);
    return e;
  }

  RefreshTokens.Stored toDomain() {
    return new RefreshTokens.Stored(
        id,
        new UserId(userId),
        familyId,
        tokenHash,
        sessionStartedAt,
        issuedAt,
        expiresAt,
        Optional.ofNullable(usedAt),
        Optional.ofNullable(revokedAt));
  }
}
