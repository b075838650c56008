package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/** Take the assignee off a ticket (admins: anyone's; agents: their own). */
public record UnassignTicket(String ticket, Optional<Long> ifMatch) implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
