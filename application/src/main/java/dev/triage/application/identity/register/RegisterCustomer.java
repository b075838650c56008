package dev.triage.application.identity.register;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;

/** Create a customer account for the person registering. */
public record RegisterCustomer(String email, String displayName, String password)
    implements Command<UserView> {

  @Override
  public Access requiredAccess() {
    return Access.PUBLIC;
  }

  @Override
  public String toString() {
    return "RegisterCustomer[email=" + email + ", displayName=" + displayName + "]";
  }
}
