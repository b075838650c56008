package dev.triage.application.identity.reset;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;

/** The holder of a reset token sets a new password with it. */
public record ConfirmPasswordReset(String token, String password) implements Command<UserView> {

  @Override
  public Access requiredAccess() {
    return Access.PUBLIC;
  }

  @Override
  public String toString() {
    return "ConfirmPasswordReset[token=…, password=…]";
  }
}
