package dev.triage.application.canned;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** How does this canned response read for this ticket, sent by the caller? */
public record PreviewCannedResponse(String responseId, String ticketId)
    implements Query<PreviewCannedResponse.Rendered> {

  /** The rendered text. */
  public record Rendered(String body) {}

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
