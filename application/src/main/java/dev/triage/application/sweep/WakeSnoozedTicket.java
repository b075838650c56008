package dev.triage.application.sweep;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.domain.ticket.TicketId;
import java.util.Objects;

/**
 * Wake a snoozed ticket whose snooze is over. Sent by the sweep as the system; answers CONFLICT
 * when the ticket is not due (any more: woken already, snoozed again, closed) or another replica
 * holds it.
 */
public record WakeSnoozedTicket(TicketId ticket) implements Command<Boolean> {

  public WakeSnoozedTicket {
    Objects.requireNonNull(ticket, "ticket");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
