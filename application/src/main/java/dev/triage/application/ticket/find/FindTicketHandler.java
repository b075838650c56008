package dev.triage.application.ticket.find;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * Finds a ticket by id or number. A ticket the caller may not see is answered exactly like a
 * missing one, so ids leak nothing.
 */
public record FindTicketHandler(
    TicketLookup lookup, SlaClocks sla, Clock clock, TicketFieldCatalogue fields)
    implements Handler<FindTicket, TicketView> {

  /** Without custom fields. */
  public FindTicketHandler(TicketLookup lookup, SlaClocks sla, Clock clock) {
    this(lookup, sla, clock, TicketFieldCatalogue.NONE);
  }

  @Override
  public Uni<Result<TicketView>> handle(FindTicket query, RequestContext context) {
    return lookup.findStored(
        query.idOrNumber(),
        context,
        t ->
            sla.measure(t.ticket(), t.sla(), clock.instant())
                .flatMap(
                    clocks ->
                        fields
                            .definitions()
                            .map(
                                catalogue ->
                                    TicketView.of(t.ticket(), clocks)
                                        .seenBy(context.actor(), catalogue))));
  }
}
