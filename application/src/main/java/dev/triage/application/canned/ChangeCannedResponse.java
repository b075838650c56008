package dev.triage.application.canned;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner of a personal canned response, or an admin for a shared one, changes its title or body;
 * a field left out ({@code null}) stays as it is.
 *
 * @param ifMatch the version the caller last read; empty for whatever is current
 */
public record ChangeCannedResponse(
    String responseId, Optional<Long> ifMatch, String title, String body)
    implements Command<CannedResponse> {

  public ChangeCannedResponse {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
