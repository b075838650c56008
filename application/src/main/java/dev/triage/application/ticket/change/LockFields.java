package dev.triage.application.ticket.change;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import java.util.List;
import java.util.Optional;

/**
 * An admin locks ticket fields by their JSON names ({@code priority}, {@code category}, {@code
 * groupId}, {@code assigneeId}); fields already locked change nothing.
 */
public record LockFields(String ticket, Optional<Long> ifMatch, List<String> fields)
    implements Command<TicketView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
