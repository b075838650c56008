package dev.triage.application.sweep;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/** Closes one RESOLVED ticket idle for the time the runtime settings name, as the system. */
public final class AutoCloseTicketHandler implements Handler<AutoCloseTicket, Boolean> {

  private final SweepStep step;
  private final CurrentSettings settings;

  public AutoCloseTicketHandler(
      Tickets tickets, TicketUpdates updates, CurrentSettings settings, Clock clock) {
    this.step = new SweepStep(tickets, updates, clock);
    this.settings = settings;
  }

  @Override
  public Uni<Result<Boolean>> handle(AutoCloseTicket c, RequestContext context) {
    return settings
        .get()
        .flatMap(
            current -> step.run(c.ticket(), context, current.autoClose()::apply, change -> {}));
  }
}
