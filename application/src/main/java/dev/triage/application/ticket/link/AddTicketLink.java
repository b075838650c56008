package dev.triage.application.ticket.link;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Optional;

/**
 * Staff link the ticket {@code ticket} to {@code otherTicket} (an id or number) as {@code type}:
 * RELATED, DUPLICATE_OF or CAUSED_BY.
 */
public record AddTicketLink(String ticket, Optional<Long> ifMatch, String otherTicket, String type)
    implements Command<LinkView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
