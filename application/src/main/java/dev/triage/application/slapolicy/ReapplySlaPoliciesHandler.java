package dev.triage.application.slapolicy;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks the open tickets by id in batches of {@value #BATCH}, each ticket locked while it is
 * measured again; a ticket whose selection gives other versions than it pins is re-pinned, its due
 * dates and next alarm stored anew (the ticket itself, and so its version, stays as it was). One
 * audit entry records the count.
 */
public final class ReapplySlaPoliciesHandler implements Handler<ReapplySlaPolicies, Integer> {

  static final int BATCH = 200;

  private final Tickets tickets;
  private final SlaClocks clocks;
  private final Clock clock;

  public ReapplySlaPoliciesHandler(Tickets tickets, SlaClocks clocks, Clock clock) {
    this.tickets = tickets;
    this.clocks = clocks;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Integer>> handle(ReapplySlaPolicies command, RequestContext context) {
    Instant now = clock.instant();
    return from(Optional.empty(), 0, now)
        .map(
            moved -> {
              context
                  .effects()
                  .changed(SlaPolicyView.ENTITY, "reapply", null, Map.of("tickets", moved));
              return Result.ok(moved);
            });
  }

  private Uni<Integer> from(Optional<TicketId> after, int moved, Instant now) {
    return tickets
        .openAfter(after, BATCH)
        .flatMap(
            ids -> {
              if (ids.isEmpty()) {
                return Uni.createFrom().item(moved);
              }
              return batch(ids, now)
                  .call(tickets::release)
                  .flatMap(
                      n ->
                          ids.size() < BATCH
                              ? Uni.createFrom().item(moved + n)
                              : from(Optional.of(ids.getLast()), moved + n, now));
            });
  }

  private Uni<Integer> batch(List<TicketId> ids, Instant now) {
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(id -> reapply(id, now))
        .collect()
        .with(Collectors.summingInt(moved -> moved ? 1 : 0));
  }

  private Uni<Boolean> reapply(TicketId id, Instant now) {
    return tickets
        .byIdForUpdate(id)
        .flatMap(
            found -> {
              if (found.isEmpty() || !found.get().status().isOpen()) {
                return Uni.createFrom().item(false);
              }
              Ticket ticket = found.get();
              return tickets
                  .slaState(id)
                  .flatMap(state -> clocks.reapply(ticket, state, now))
                  .flatMap(
                      measured ->
                          measured.isEmpty()
                              ? Uni.createFrom().item(false)
                              : tickets.update(
                                  ticket,
                                  new TicketChange(ticket, List.of()),
                                  measured.get().state(),
                                  measured.get().status()));
            });
  }
}
