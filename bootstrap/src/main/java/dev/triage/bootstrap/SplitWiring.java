package dev.triage.bootstrap;

import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.TicketLinks;
import dev.triage.application.port.TicketSplits;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.split.SplitComment;
import dev.triage.application.ticket.split.SplitCommentHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Splitting a comment into a ticket (ADR 30), registered with the bus. */
@ApplicationScoped
public class SplitWiring {

  @Produces
  @Singleton
  HandlerModule splits(
      TicketUpdates updates,
      Tickets tickets,
      Outbox outbox,
      SlaClocks sla,
      TicketLinks links,
      TicketSplits splits,
      AuditTrail trail,
      SecureRandom random,
      @ConfigProperty(name = "triage.tickets.number-prefix") String numberPrefix) {
    return registry ->
        registry.register(
            SplitComment.class,
            new SplitCommentHandler(
                updates, tickets, outbox, sla, links, splits, trail, random, numberPrefix));
  }
}
