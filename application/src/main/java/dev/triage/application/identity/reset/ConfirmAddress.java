package dev.triage.application.identity.reset;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** The holder of an address confirmation token confirms the address it was mailed to. */
public record ConfirmAddress(String token) implements Command<ConfirmAddress.Confirmed> {

  /** The address is confirmed: the account may log in. */
  public record Confirmed(String userId) {}

  @Override
  public Access requiredAccess() {
    return Access.PUBLIC;
  }

  @Override
  public String toString() {
    return "ConfirmAddress[token=…]";
  }
}
