package dev.triage.application.sweep;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.escalation.AutoEscalationPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/** Escalates one stale OPEN ticket once, as the system. */
public final class EscalateStaleTicketHandler implements Handler<EscalateStaleTicket, Boolean> {

  private final SweepStep step;
  private final AutoEscalationPolicy policy;

  public EscalateStaleTicketHandler(
      Tickets tickets, TicketUpdates updates, AutoEscalationPolicy policy, Clock clock) {
    this.step = new SweepStep(tickets, updates, clock);
    this.policy = policy;
  }

  @Override
  public Uni<Result<Boolean>> handle(EscalateStaleTicket c, RequestContext context) {
    return step.run(c.ticket(), context, policy::apply, change -> {});
  }
}
