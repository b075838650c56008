package dev.triage.application.sweep;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The steps every per-ticket sweep command shares: lock the row unless another transaction holds
 * it, reload it, ask the domain whether the change is still due, and save it with its events and
 * audit note. Anything not due answers CONFLICT, which rolls back and leaves no audit entry.
 */
final class SweepStep {

  private final Tickets tickets;
  private final TicketUpdates updates;
  private final Clock clock;

  SweepStep(Tickets tickets, TicketUpdates updates, Clock clock) {
    this.tickets = tickets;
    this.updates = updates;
    this.clock = clock;
  }

  Uni<Result<Boolean>> run(
      TicketId id,
      RequestContext context,
      BiFunction<Ticket, Instant, Optional<TicketChange>> decision,
      Consumer<TicketChange> onSaved) {
    return runAsync(
        id, context, (ticket, now) -> Uni.createFrom().item(decision.apply(ticket, now)), onSaved);
  }

  /** As {@link #run}, with a decision that may read on (the ticket's SLA versions). */
  Uni<Result<Boolean>> runAsync(
      TicketId id,
      RequestContext context,
      BiFunction<Ticket, Instant, Uni<Optional<TicketChange>>> decision,
      Consumer<TicketChange> onSaved) {
    Instant now = clock.instant();
    return tickets
        .byIdForUpdateSkipLocked(id)
        .flatMap(
            locked -> {
              if (locked.isEmpty()) {
                return Uni.createFrom()
                    .item(
                        Result.<Boolean>err(
                            ErrorCode.CONFLICT, "Ticket " + id + " is missing or busy."));
              }
              Ticket before = locked.get();
              return decision
                  .apply(before, now)
                  .flatMap(
                      change -> {
                        if (change.isEmpty() || change.get().isNoChange()) {
                          return Uni.createFrom()
                              .item(
                                  Result.<Boolean>err(
                                      ErrorCode.CONFLICT,
                                      "Ticket " + before.number() + " is not due."));
                        }
                        return updates
                            .save(before, change.get(), context, now)
                            .map(
                                saved ->
                                    saved.map(
                                        t -> {
                                          onSaved.accept(change.get());
                                          return true;
                                        }));
                      });
            });
  }
}
