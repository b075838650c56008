package dev.triage.application.ticket.change;

import dev.triage.application.Results;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.TicketAuditState;
import dev.triage.application.ticket.TicketKeys;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The steps every ticket command shares: find the ticket by id or number and lock its row (so
 * concurrent commands on one ticket queue up instead of overwriting each other), answer 404 for a
 * ticket the caller may not see, compare the caller's {@code If-Match} version, run the domain
 * operation, then save, append the events to the outbox and note the change for the audit trail.
 */
public final class TicketUpdates {

  private final Tickets tickets;
  private final Outbox outbox;
  private final SlaClocks sla;
  private final Clock clock;
  private final TicketFieldCatalogue fields;

  /** Without custom fields. */
  public TicketUpdates(Tickets tickets, Outbox outbox, SlaClocks sla, Clock clock) {
    this(tickets, outbox, sla, clock, TicketFieldCatalogue.NONE);
  }

  /** Answers each ticket with the custom fields {@code fields} lets its reader see. */
  public TicketUpdates(
      Tickets tickets, Outbox outbox, SlaClocks sla, Clock clock, TicketFieldCatalogue fields) {
    this.fields = fields;
    this.tickets = tickets;
    this.outbox = outbox;
    this.sla = sla;
    this.clock = clock;
  }

  /** Runs {@code operation} on the ticket and answers its new state. */
  public Uni<Result<TicketView>> apply(
      String ticketKey,
      Optional<Long> expectedVersion,
      RequestContext context,
      BiFunction<Ticket, Instant, Result<TicketChange>> operation) {
    Instant now = clock.instant();
    return Results.then(
        load(ticketKey, expectedVersion, context),
        ticket ->
            Results.then(
                operation.apply(ticket, now), change -> save(ticket, change, context, now)));
  }

  /** The visible, locked ticket at the expected version; or why not. */
  public Uni<Result<Ticket>> load(
      String ticketKey, Optional<Long> expectedVersion, RequestContext context) {
    String key = ticketKey == null ? "" : ticketKey.strip();
    return TicketKeys.find(key, tickets::byIdForUpdate, tickets::byNumberForUpdate)
        .map(
            ticket -> {
              if (ticket.isEmpty() || !ticket.get().isVisibleTo(context.actor())) {
                return notFound(key);
              }
              Ticket t = ticket.get();
              if (expectedVersion.isPresent() && expectedVersion.get() != t.version()) {
                return Result.err(
                    ErrorCode.VERSION_MISMATCH,
                    "Ticket "
                        + t.number()
                        + " is at version "
                        + t.version()
                        + ", not "
                        + expectedVersion.get()
                        + "; reload it and try again.");
              }
              return Result.ok(t);
            });
  }

  /** Saves a change of {@code before} and answers the ticket as it now is. */
  public Uni<Result<TicketView>> save(Ticket before, TicketChange change, RequestContext context) {
    return save(before, change, context, clock.instant());
  }

  /**
   * Saves a change of {@code before} made at {@code now}, appends its events and notes what it
   * changed for the audit trail; answers the ticket as it now is, its clocks evaluated once for
   * both the stored due dates and the answer. A change without events writes nothing.
   */
  public Uni<Result<TicketView>> save(
      Ticket before, TicketChange change, RequestContext context, Instant now) {
    return tickets
        .slaState(before.id())
        .flatMap(state -> sla.change(before, change, state, now))
        .flatMap(changed -> store(before, changed, context));
  }

  private Uni<Result<TicketView>> store(
      Ticket before, SlaClocks.Changed changed, RequestContext context) {
    TicketChange change = changed.change();
    SlaClocks.Measured clocks = changed.measured();
    Ticket after = change.ticket();
    TicketAuditState.Diff diff = TicketAuditState.changes(before, change);
    if (change.isNoChange()) {
      context.effects().changed("Ticket", after.id().toString(), diff.before(), diff.after());
      return answer(after, clocks, context);
    }
    return tickets
        .update(before, change, clocks.state(), clocks.status())
        .flatMap(
            saved -> {
              if (!saved) {
                return Uni.createFrom()
                    .item(
                        Result.<TicketView>err(
                            ErrorCode.CONFLICT,
                            "Ticket " + after.number() + " changed at the same time; try again."));
              }
              context
                  .effects()
                  .changed("Ticket", after.id().toString(), diff.before(), diff.after());
              return outbox
                  .append(change.events(), context)
                  .chain(() -> answer(after, clocks, context));
            });
  }

  /** The ticket as the caller may see it, custom fields included. */
  private Uni<Result<TicketView>> answer(
      Ticket after, SlaClocks.Measured clocks, RequestContext context) {
    return fields
        .definitions()
        .map(
            catalogue ->
                Result.ok(TicketView.of(after, clocks).seenBy(context.actor(), catalogue)));
  }

  /** The custom field catalogue commands check values against. */
  public TicketFieldCatalogue fields() {
    return fields;
  }

  public Instant now() {
    return clock.instant();
  }

  private static <T> Result<T> notFound(String key) {
    return Result.err(ErrorCode.NOT_FOUND, "No ticket " + key + ".");
  }
}
