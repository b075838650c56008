package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/** Assign a ticket to an active agent or admin (admins: anyone; agents: themselves). */
public record AssignTicket(String ticket, Optional<Long> ifMatch, String assigneeId)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
