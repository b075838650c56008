package dev.triage.application.slapolicy;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What is this policy's current definition? */
public record FindSlaPolicy(String policyId) implements Query<SlaPolicyView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
