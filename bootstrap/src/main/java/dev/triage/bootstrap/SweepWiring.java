package dev.triage.bootstrap;

import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.port.SlaMetrics;
import dev.triage.application.port.Tickets;
import dev.triage.application.sweep.AutoCloseTicket;
import dev.triage.application.sweep.AutoCloseTicketHandler;
import dev.triage.application.sweep.EscalateStaleTicket;
import dev.triage.application.sweep.EscalateStaleTicketHandler;
import dev.triage.application.sweep.RecordSlaAlarms;
import dev.triage.application.sweep.RecordSlaAlarmsHandler;
import dev.triage.application.sweep.SweepSettings;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.change.TicketUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The sweeps' commands (SLA alarms, automatic escalation, auto-close), run by the scheduler. */
@ApplicationScoped
public class SweepWiring implements HandlerModule {

  private final Tickets tickets;
  private final TicketUpdates updates;
  private final SlaSettings sla;
  private final SlaMetrics slaMetrics;
  private final SweepSettings settings;
  private final Clock clock;

  public SweepWiring(
      Tickets tickets,
      TicketUpdates updates,
      SlaSettings sla,
      SlaMetrics slaMetrics,
      SweepSettings settings,
      Clock clock) {
    this.tickets = tickets;
    this.updates = updates;
    this.sla = sla;
    this.slaMetrics = slaMetrics;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void register(HandlerRegistry registry) {
    registry
        .register(
            RecordSlaAlarms.class,
            new RecordSlaAlarmsHandler(tickets, updates, sla, slaMetrics, clock))
        .register(
            EscalateStaleTicket.class,
            new EscalateStaleTicketHandler(tickets, updates, settings.escalation(), clock))
        .register(
            AutoCloseTicket.class,
            new AutoCloseTicketHandler(tickets, updates, settings.autoClose(), clock));
  }
}
