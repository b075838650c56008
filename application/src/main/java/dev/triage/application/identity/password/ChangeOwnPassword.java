package dev.triage.application.identity.password;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;

/**
 * The caller sets a new password for their own account, proving they know the current one; every
 * session of the account ends.
 */
public record ChangeOwnPassword(String currentPassword, String newPassword)
    implements Command<ChangeOwnPassword.Outcome> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }

  @Override
  public String toString() {
    return "ChangeOwnPassword[]";
  }

  /**
   * A wrong current password is an outcome, not a rejection, so the caller can count it as a failed
   * login for the brute-force limits.
   */
  public sealed interface Outcome {
    /** The password is changed and every session of the account has ended. */
    record Changed(UserView account) implements Outcome {}

    /** The current password is wrong; nothing changed. */
    record WrongPassword() implements Outcome {}
  }
}
