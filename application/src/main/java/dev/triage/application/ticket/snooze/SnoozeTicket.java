package dev.triage.application.ticket.snooze;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/**
 * Staff snooze the ticket {@code ticket} until {@code until} (an ISO-8601 instant, as sent): it
 * leaves the default queues until then, or until the requester replies.
 */
public record SnoozeTicket(String ticket, Optional<Long> ifMatch, String until)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
