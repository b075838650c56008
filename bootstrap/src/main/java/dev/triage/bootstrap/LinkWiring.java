package dev.triage.bootstrap;

import dev.triage.application.port.TicketLinks;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.link.AddTicketLink;
import dev.triage.application.ticket.link.ListTicketLinks;
import dev.triage.application.ticket.link.RemoveTicketLink;
import dev.triage.application.ticket.link.TicketLinkHandlers;
import dev.triage.domain.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Links between tickets (ADR 25), registered with the bus. */
@ApplicationScoped
public class LinkWiring {

  @Produces
  @Singleton
  HandlerModule links(
      TicketUpdates updates,
      TicketQueries queries,
      TicketLinks links,
      SecureRandom random,
      Clock clock) {
    AccessPolicy policy = AccessPolicy.defaults();
    return registry ->
        registry
            .register(
                AddTicketLink.class,
                new TicketLinkHandlers.Add(updates, queries, links, policy, random))
            .register(RemoveTicketLink.class, new TicketLinkHandlers.Remove(updates, links))
            .register(
                ListTicketLinks.class,
                new TicketLinkHandlers.ListLinks(queries, links, policy, clock));
  }
}
