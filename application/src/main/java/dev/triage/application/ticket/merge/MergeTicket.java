package dev.triage.application.ticket.merge;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/**
 * Staff merge the ticket {@code ticket} (the source, an id or number) into {@code target} (an id or
 * number): the source's comments are copied into the target's conversation, its CCs and followers
 * join the target, and the source is closed with a link and a note saying where it went.
 */
public record MergeTicket(String ticket, Optional<Long> ifMatch, String target)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
