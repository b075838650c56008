package dev.triage.application.ticket;

import dev.triage.application.Results;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/**
 * Stores a new ticket, one a caller opens or the follow-up a reply to a closed ticket asks for:
 * takes the next number of the year, lets the domain open the ticket with a new id and that number,
 * notes it for the audit trail, stores it with its SLA clocks (the policy its fields select, ADR
 * 17) and appends its events.
 */
public record NewTickets(
    Tickets tickets, Outbox outbox, SlaClocks sla, RandomGenerator random, String numberPrefix) {

  /** How the domain opens the ticket, given its id and number; it may refuse. */
  @FunctionalInterface
  public interface Opener {
    Result<TicketChange> open(TicketId id, TicketNumber number);
  }

  /** The ticket {@code opener} opens at {@code now}, as stored, with its clocks. */
  public Uni<Result<TicketView>> open(Instant now, RequestContext context, Opener opener) {
    return tickets
        .nextNumber()
        .flatMap(
            sequence -> {
              TicketNumber number =
                  TicketNumber.of(numberPrefix, now.atZone(ZoneOffset.UTC).getYear(), sequence);
              return Results.then(
                  opener.open(TicketId.newId(now, random), number),
                  created -> add(created, now, context));
            });
  }

  private Uni<Result<TicketView>> add(TicketChange created, Instant now, RequestContext context) {
    Ticket ticket = created.ticket();
    context.effects().changed("Ticket", ticket.id().toString(), null, TicketAuditState.of(ticket));
    return sla.open(ticket, now)
        .flatMap(
            clocks ->
                tickets
                    .add(ticket, clocks.state(), clocks.status())
                    .chain(() -> outbox.append(created.events(), context))
                    .replaceWith(Result.ok(TicketView.of(ticket, clocks).seenBy(context.actor()))));
  }
}
