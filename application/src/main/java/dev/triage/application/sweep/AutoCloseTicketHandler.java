package dev.triage.application.sweep;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.escalation.AutoClosePolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/** Closes one idle RESOLVED ticket, as the system. */
public final class AutoCloseTicketHandler implements Handler<AutoCloseTicket, Boolean> {

  private final SweepStep step;
  private final AutoClosePolicy policy;

  public AutoCloseTicketHandler(
      Tickets tickets, TicketUpdates updates, AutoClosePolicy policy, Clock clock) {
    this.step = new SweepStep(tickets, updates, clock);
    this.policy = policy;
  }

  @Override
  public Uni<Result<Boolean>> handle(AutoCloseTicket c, RequestContext context) {
    return step.run(c.ticket(), context, policy::apply, change -> {});
  }
}
