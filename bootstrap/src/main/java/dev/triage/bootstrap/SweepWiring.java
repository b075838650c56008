package dev.triage.bootstrap;

import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.SlaMetrics;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.sweep.AutoCloseTicket;
import dev.triage.application.sweep.AutoCloseTicketHandler;
import dev.triage.application.sweep.EscalateStaleTicket;
import dev.triage.application.sweep.EscalateStaleTicketHandler;
import dev.triage.application.sweep.RecordSlaAlarms;
import dev.triage.application.sweep.RecordSlaAlarmsHandler;
import dev.triage.application.sweep.WakeSnoozedTicket;
import dev.triage.application.sweep.WakeSnoozedTicketHandler;
import dev.triage.application.ticket.change.TicketUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The sweeps' commands (SLA alarms, automatic escalation, auto-close), run by the scheduler. */
@ApplicationScoped
public class SweepWiring {

  @Produces
  @Singleton
  HandlerModule sweeps(
      Tickets tickets,
      TicketUpdates updates,
      SlaClocks sla,
      SlaMetrics slaMetrics,
      CurrentSettings settings,
      Clock clock) {
    return registry -> {
      registry
          .register(
              RecordSlaAlarms.class,
              new RecordSlaAlarmsHandler(tickets, updates, sla, slaMetrics, clock))
          .register(
              EscalateStaleTicket.class,
              new EscalateStaleTicketHandler(tickets, updates, settings, clock))
          .register(
              AutoCloseTicket.class, new AutoCloseTicketHandler(tickets, updates, settings, clock))
          .register(WakeSnoozedTicket.class, new WakeSnoozedTicketHandler(tickets, updates, clock));
    };
  }
}
