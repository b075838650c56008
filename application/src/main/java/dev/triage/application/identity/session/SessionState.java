package dev.triage.application.identity.session;

import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A session as the audit trail records it: whose it is, its refresh-token family, when its current
 * refresh token was issued, and whether the family still works. Never a token or a token's hash.
 */
public record SessionState(UserId userId, UUID familyId, Instant renewedAt, Status status) {

  /** Whether the family's refresh tokens can still be used. */
  public enum Status {
    ACTIVE,
    REVOKED
  }

  /** The audited entity type of sessions. */
  public static final String ENTITY = "Session";
}
