package dev.triage.application.slapolicy;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Optional;

/**
 * An admin replaces a policy's whole definition: a new version, which newly measured tickets use;
 * tickets pinned to an earlier version keep it.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record ChangeSlaPolicy(String policyId, Optional<Long> ifMatch, SlaPolicyInput policy)
    implements Command<SlaPolicyView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
