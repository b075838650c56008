package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Unassigns a ticket. */
public final class UnassignTicketHandler implements Handler<UnassignTicket, TicketView> {

  private final TicketUpdates updates;

  public UnassignTicketHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(UnassignTicket c, RequestContext context) {
    return updates.apply(
        c.ticket(), c.ifMatch(), context, (t, now) -> t.unassign(context.actor(), now));
  }
}
