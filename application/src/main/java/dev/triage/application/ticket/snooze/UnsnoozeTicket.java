package dev.triage.application.ticket.snooze;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/** Staff wake the snoozed ticket {@code ticket} before its time. */
public record UnsnoozeTicket(String ticket, Optional<Long> ifMatch) implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
