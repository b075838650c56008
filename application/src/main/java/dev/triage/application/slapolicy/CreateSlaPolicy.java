package dev.triage.application.slapolicy;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** An admin defines an SLA policy; it starts at version 1. */
public record CreateSlaPolicy(SlaPolicyInput policy) implements Command<SlaPolicyView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
