package dev.triage.application.ticket.bulk;

import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import java.util.Objects;

/** What the change did to one ticket: the ticket as it now is, or the refusal it got on its own. */
public record BulkOutcome(String ticketId, Result<TicketView> result) {
  public BulkOutcome {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(result, "result");
  }
}
