package dev.triage.application.slapolicy;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Optional;

/**
 * An admin removes a policy other than the default: it leaves the list (selection no longer tries
 * it), and its versions stay for the tickets measured against them.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record DeleteSlaPolicy(String policyId, Optional<Long> ifMatch) implements Command<Boolean> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
