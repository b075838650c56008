package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Escalates a ticket; CRITICAL has nothing higher and is refused. */
public final class EscalateTicketHandler implements Handler<EscalateTicket, TicketView> {

  private final TicketUpdates updates;

  public EscalateTicketHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(EscalateTicket c, RequestContext context) {
    return updates.apply(
        c.ticket(),
        c.ifMatch(),
        context,
        (t, now) -> t.escalate(context.actor(), Optional.ofNullable(c.reason()), now));
  }
}
