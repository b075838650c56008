package dev.triage.application.sweep;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.domain.ticket.TicketId;
import java.util.Objects;

/**
 * Record the SLA warnings and breaches due for one ticket, each once per clock. Sent by the sweep
 * as the system; answers CONFLICT when the ticket is not due (any more) or another replica holds
 * it.
 */
public record RecordSlaAlarms(TicketId ticket) implements Command<Boolean> {

  public RecordSlaAlarms {
    Objects.requireNonNull(ticket, "ticket");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
