package dev.triage.application.identity.reset;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/**
 * Someone who forgot their password asks for a reset mail to {@code email}. The answer is the same
 * whether or not the address has an account.
 */
public record RequestPasswordReset(String email) implements Command<RequestPasswordReset.Accepted> {

  /** The request was taken; a mail follows if the address has an active account. */
  public record Accepted() {}

  @Override
  public Access requiredAccess() {
    return Access.PUBLIC;
  }
}
