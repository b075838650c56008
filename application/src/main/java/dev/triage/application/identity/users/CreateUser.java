package dev.triage.application.identity.users;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;
import dev.triage.domain.user.Role;

/** An admin creates an account of any role (agents and admins cannot register themselves). */
public record CreateUser(String email, String displayName, String password, Role role)
    implements Command<UserView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }

  @Override
  public String toString() {
    return "CreateUser[email=" + email + ", role=" + role + "]";
  }
}
