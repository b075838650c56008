package dev.triage.application.ticket.find;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * Finds a ticket by id or number. A ticket the caller may not see is answered exactly like a
 * missing one, so ids leak nothing.
 */
public final class FindTicketHandler implements Handler<FindTicket, TicketView> {

  private final TicketLookup lookup;
  private final SlaSettings sla;
  private final Clock clock;

  public FindTicketHandler(TicketLookup lookup, SlaSettings sla, Clock clock) {
    this.lookup = lookup;
    this.sla = sla;
    this.clock = clock;
  }

  @Override
  public Uni<Result<TicketView>> handle(FindTicket query, RequestContext context) {
    return lookup
        .visible(query.idOrNumber(), context)
        .map(
            ticket ->
                ticket
                    .map(t -> Result.ok(TicketView.of(t, sla, clock.instant())))
                    .orElseGet(
                        () ->
                            Result.err(
                                ErrorCode.NOT_FOUND, "No ticket " + query.idOrNumber() + ".")));
  }
}
