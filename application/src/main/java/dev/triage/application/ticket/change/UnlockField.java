package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/** An admin unlocks one ticket field, named by its JSON name. */
public record UnlockField(String ticket, Optional<Long> ifMatch, String field)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
