package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.List;
import java.util.Optional;

/** Staff add tags to a ticket; tags it already has change nothing. */
public record AddTags(String ticket, Optional<Long> ifMatch, List<String> tags)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
