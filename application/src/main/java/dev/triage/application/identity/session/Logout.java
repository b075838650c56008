package dev.triage.application.identity.session;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** End every session of the caller: access tokens stop working, refresh tokens are revoked. */
public record Logout() implements Command<Boolean> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
