package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import dev.triage.domain.ticket.Ticket;
import java.util.Optional;

/** Raise a ticket's priority one level; its due dates are recomputed from creation. */
public record EscalateTicket(
    String ticket,
    Optional<Long> ifMatch,
    @CodePoints(max = Ticket.MAX_REASON_LENGTH, message = "must be at most {max} characters")
        String reason)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
