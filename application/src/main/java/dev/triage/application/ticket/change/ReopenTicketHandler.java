package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Reopens a resolved ticket. */
public final class ReopenTicketHandler implements Handler<ReopenTicket, TicketView> {

  private final TicketUpdates updates;

  public ReopenTicketHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(ReopenTicket c, RequestContext context) {
    return updates.apply(
        c.ticket(),
        c.ifMatch(),
        context,
        (t, now) -> t.reopen(context.actor(), Optional.ofNullable(c.reason()), now));
  }
}
