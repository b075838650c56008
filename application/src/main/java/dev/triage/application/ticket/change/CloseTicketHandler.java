package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketRules;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Closes a ticket if the lifecycle lets the caller. */
public final class CloseTicketHandler implements Handler<CloseTicket, TicketView> {

  private final TicketUpdates updates;
  private final TicketRules rules;

  public CloseTicketHandler(TicketUpdates updates, TicketRules rules) {
    this.updates = updates;
    this.rules = rules;
  }

  @Override
  public Uni<Result<TicketView>> handle(CloseTicket c, RequestContext context) {
    return updates.apply(
        c.ticket(),
        c.ifMatch(),
        context,
        (t, now) -> t.close(context.actor(), Optional.ofNullable(c.reason()), rules, now));
  }
}
