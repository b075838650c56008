package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Raise a ticket's priority one level; its due dates are recomputed from creation. */
public record EscalateTicket(
    String ticket,
    Optional<Long> ifMatch,
    @Size(max = 1000, message = "must be at most 1000 characters") String reason)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
