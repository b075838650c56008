package dev.triage.application.identity.users;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;

/** An admin ends every session of an account (a lost laptop, a leaked token). */
public record RevokeSessions(String userId) implements Command<UserView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
