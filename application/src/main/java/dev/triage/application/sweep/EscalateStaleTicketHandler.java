package dev.triage.application.sweep;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/** Escalates one stale OPEN ticket once, as the system, at the age the runtime settings name. */
public final class EscalateStaleTicketHandler implements Handler<EscalateStaleTicket, Boolean> {

  private final SweepStep step;
  private final CurrentSettings settings;

  public EscalateStaleTicketHandler(
      Tickets tickets, TicketUpdates updates, CurrentSettings settings, Clock clock) {
    this.step = new SweepStep(tickets, updates, clock);
    this.settings = settings;
  }

  @Override
  public Uni<Result<Boolean>> handle(EscalateStaleTicket c, RequestContext context) {
    return settings
        .get()
        .flatMap(
            current ->
                step.run(c.ticket(), context, current.autoEscalation()::apply, change -> {}));
  }
}
