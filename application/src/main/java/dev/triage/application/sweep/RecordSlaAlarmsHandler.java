package dev.triage.application.sweep;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SlaMetrics;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketEvent.SlaBreached;
import dev.triage.domain.ticket.TicketEvent.SlaWarning;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/** Records the SLA warnings and breaches due for one ticket, and counts them. */
public final class RecordSlaAlarmsHandler implements Handler<RecordSlaAlarms, Boolean> {

  private final SweepStep step;
  private final Tickets tickets;
  private final SlaClocks sla;
  private final SlaMetrics metrics;

  public RecordSlaAlarmsHandler(
      Tickets tickets, TicketUpdates updates, SlaClocks sla, SlaMetrics metrics, Clock clock) {
    this.step = new SweepStep(tickets, updates, clock);
    this.tickets = tickets;
    this.sla = sla;
    this.metrics = metrics;
  }

  @Override
  public Uni<Result<Boolean>> handle(RecordSlaAlarms c, RequestContext context) {
    return step.runAsync(
        c.ticket(),
        context,
        (ticket, now) ->
            tickets.slaState(ticket.id()).flatMap(state -> sla.alarmsDue(ticket, state, now)),
        change -> {
          for (TicketEvent event : change.events()) {
            switch (event) {
              case SlaWarning w -> metrics.warning(w.clock(), change.ticket().priority());
              case SlaBreached b -> metrics.breach(b.clock(), change.ticket().priority());
              default -> {}
            }
          }
        });
  }
}
