package dev.triage.application.sweep;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/** Wakes one ticket whose snooze is over, as the system (a {@code TicketWoke} event). */
public final class WakeSnoozedTicketHandler implements Handler<WakeSnoozedTicket, Boolean> {

  private final SweepStep step;

  public WakeSnoozedTicketHandler(Tickets tickets, TicketUpdates updates, Clock clock) {
    this.step = new SweepStep(tickets, updates, clock);
  }

  @Override
  public Uni<Result<Boolean>> handle(WakeSnoozedTicket c, RequestContext context) {
    return step.run(c.ticket(), context, (ticket, now) -> ticket.wakeIfDue(now), change -> {});
  }
}
