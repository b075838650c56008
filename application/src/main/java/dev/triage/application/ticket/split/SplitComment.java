package dev.triage.application.ticket.split;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/**
 * Staff turn the comment {@code commentId} of the ticket {@code ticket} into a new ticket of the
 * same requester; answers the new ticket.
 */
public record SplitComment(String ticket, Optional<Long> ifMatch, String commentId)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
