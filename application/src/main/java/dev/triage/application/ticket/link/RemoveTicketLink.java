package dev.triage.application.ticket.link;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/** Staff remove the link {@code linkId} of the ticket {@code ticket}. */
public record RemoveTicketLink(String ticket, Optional<Long> ifMatch, String linkId)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
