package dev.triage.bootstrap;

import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.TicketLinks;
import dev.triage.application.port.TicketMerges;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.merge.MergeTicket;
import dev.triage.application.ticket.merge.MergeTicketHandler;
import dev.triage.domain.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/** Merging tickets (ADR 30), registered with the bus. */
@ApplicationScoped
public class MergeWiring {

  @Produces
  @Singleton
  HandlerModule merges(
      TicketUpdates updates,
      Tickets tickets,
      TicketQueries queries,
      TicketLinks links,
      TicketMerges merges,
      AuditTrail trail,
      SecureRandom random) {
    return registry ->
        registry.register(
            MergeTicket.class,
            new MergeTicketHandler(
                updates, tickets, queries, links, merges, trail, AccessPolicy.defaults(), random));
  }
}
