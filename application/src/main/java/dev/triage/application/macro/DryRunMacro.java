package dev.triage.application.macro;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import java.util.Objects;
import java.util.Optional;

/**
 * How would this ticket read after the macro? As {@link ApplyMacro} answers, refusals included,
 * with nothing saved: a query, so no audit entry, no event, no comment, no idempotency record.
 *
 * @param ifMatch the ticket's version the caller last read; empty for whatever is current
 */
public record DryRunMacro(
    @CodePoints(max = 64, message = "must be at most {max} characters") String ticket,
    @CodePoints(max = 64, message = "must be at most {max} characters") String macroId,
    Optional<Long> ifMatch)
    implements Query<TicketView> {

  public DryRunMacro {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
