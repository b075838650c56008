package dev.triage.application.slapolicy;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/**
 * An admin moves the open backlog to the current policies and calendars (ADR 17, point 3): every
 * open ticket is measured again against the policy its fields select now, in the current version of
 * that policy and of its calendar, its due dates recomputed from creation. Answers how many tickets
 * moved; a ticket already on the current versions does not count, so a second run moves none.
 */
public record ReapplySlaPolicies() implements Command<Integer> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
