package dev.triage.application.canned;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/**
 * Staff save a canned response: a personal one, or (admins only) one shared with all staff. Its
 * body's placeholders are checked now.
 *
 * @param shared null for false
 */
public record CreateCannedResponse(String title, String body, Boolean shared)
    implements Command<CannedResponse> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
