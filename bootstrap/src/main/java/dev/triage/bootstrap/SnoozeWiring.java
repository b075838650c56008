package dev.triage.bootstrap;

import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.snooze.SnoozeHandlers;
import dev.triage.application.ticket.snooze.SnoozeTicket;
import dev.triage.application.ticket.snooze.UnsnoozeTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Snoozing tickets (ADR 30), registered with the bus; the sweep's wake-up is in SweepWiring. */
@ApplicationScoped
public class SnoozeWiring {

  @Produces
  @Singleton
  HandlerModule snoozes(TicketUpdates updates) {
    return registry ->
        registry
            .register(SnoozeTicket.class, new SnoozeHandlers.Snooze(updates))
            .register(UnsnoozeTicket.class, new SnoozeHandlers.Unsnooze(updates));
  }
}
