package dev.triage.application.identity.session;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** Trade a refresh token for a new session; the token is used up. */
public record RefreshSession(String refreshToken) implements Command<RefreshSession.Outcome> {

  @Override
  public Access requiredAccess() {
    return Access.PUBLIC;
  }

  @Override
  public String toString() {
    return "RefreshSession[]";
  }

  /**
   * A refusal is an outcome, not a rejection, because refusing a reused token must still commit the
   * revocation of its family.
   */
  public sealed interface Outcome {
    /** A new session. */
    record Renewed(Session session) implements Outcome {}

    /** No session: unknown, expired, revoked or reused token. */
    record Refused(String reason) implements Outcome {}
  }
}
