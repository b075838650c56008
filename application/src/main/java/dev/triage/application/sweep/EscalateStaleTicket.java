package dev.triage.application.sweep;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.domain.ticket.TicketId;
import java.util.Objects;

/**
 * Escalate an OPEN ticket nobody took up, if the automatic-escalation policy says it is due. Sent
 * by the sweep as the system; answers CONFLICT when the ticket is not due (any more) or another
 * replica holds it.
 */
public record EscalateStaleTicket(TicketId ticket) implements Command<Boolean> {

  public EscalateStaleTicket {
    Objects.requireNonNull(ticket, "ticket");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
