package dev.triage.application.canned;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** The owner of a personal canned response, or an admin for a shared one, deletes it. */
public record DeleteCannedResponse(String responseId) implements Command<CannedResponse> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
