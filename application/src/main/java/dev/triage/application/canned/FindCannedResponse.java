package dev.triage.application.canned;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What is this canned response? The caller's own, or a shared one; any other is not found. */
public record FindCannedResponse(String responseId) implements Query<CannedResponse> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
