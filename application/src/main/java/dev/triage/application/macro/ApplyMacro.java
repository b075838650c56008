package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import java.util.Objects;
import java.util.Optional;

/**
 * Staff apply a macro they may see to a ticket: every action as one change of the ticket (one
 * transaction, one audit entry, each action's events), or none of them.
 *
 * @param ifMatch the ticket's version the caller last read; empty for whatever is current
 */
public record ApplyMacro(
    @CodePoints(max = 64, message = "must be at most {max} characters") String ticket,
    @CodePoints(max = 64, message = "must be at most {max} characters") String macroId,
    Optional<Long> ifMatch)
    implements Command<TicketView> {

  public ApplyMacro {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
