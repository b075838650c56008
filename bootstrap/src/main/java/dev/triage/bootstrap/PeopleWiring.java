package dev.triage.bootstrap;

import dev.triage.application.port.Accounts;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.people.AddParticipant;
import dev.triage.application.ticket.people.AddParticipantHandler;
import dev.triage.application.ticket.people.RemoveParticipant;
import dev.triage.application.ticket.people.RemoveParticipantHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** The people of a ticket (CCs and followers, ADR 24), registered with the bus. */
@ApplicationScoped
public class PeopleWiring {

  @Produces
  @Singleton
  HandlerModule people(TicketUpdates updates, Accounts accounts, SecureRandom random, Clock clock) {
    return registry ->
        registry
            .register(
                AddParticipant.class, new AddParticipantHandler(updates, accounts, clock, random))
            .register(RemoveParticipant.class, new RemoveParticipantHandler(updates));
  }
}
