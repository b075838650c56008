package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/** Staff remove one tag from a ticket; a tag it does not have changes nothing. */
public record RemoveTag(String ticket, Optional<Long> ifMatch, String tag)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
