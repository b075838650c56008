package dev.triage.application.ticket.bulk;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.bus.Effects;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies one change to many tickets, one after the other, each through the bus as its own command
 * (or short sequence of commands): its own authorization, rules, transaction, audit entry and
 * events, exactly as if the client had sent it alone. A refusal stops nothing but that ticket.
 *
 * <p>A request's {@code Idempotency-Key} is scoped per ticket ({@code <operation>#<ticket>}), so a
 * retried bulk request answers every ticket whose change was stored with the stored answer and runs
 * none of them twice.
 */
public final class BulkTicketChanges {

  /** The most tickets one request may name. */
  public static final int MAX_TICKETS = 100;

  private final Bus bus;

  public BulkTicketChanges(Bus bus) {
    this.bus = Objects.requireNonNull(bus, "bus");
  }

  /**
   * Sends {@code commands.apply(ticket)} for each of {@code tickets}, in order; the outcome of a
   * ticket is its last command's answer, or the first refusal.
   */
  public Uni<List<BulkOutcome>> apply(
      List<String> tickets,
      Function<String, List<Command<TicketView>>> commands,
      RequestContext request) {
    return Multi.createFrom()
        .iterable(tickets)
        .onItem()
        .transformToUniAndConcatenate(
            ticket ->
                run(commands.apply(ticket), 0, contextFor(request, ticket), null)
                    .map(result -> new BulkOutcome(ticket, result)))
        .collect()
        .asList();
  }

  private Uni<Result<TicketView>> run(
      List<Command<TicketView>> commands,
      int next,
      Function<Integer, RequestContext> context,
      Result<TicketView> last) {
    if (next == commands.size()) {
      return Uni.createFrom().item(last);
    }
    return bus.send(commands.get(next), context.apply(next))
        .flatMap(
            result ->
                result instanceof Result.Err<TicketView>
                    ? Uni.createFrom().item(result)
                    : run(commands, next + 1, context, result));
  }

  /** A fresh context per command: its own audit effects and its own idempotency scope. */
  private static Function<Integer, RequestContext> contextFor(RequestContext r, String ticket) {
    return step ->
        new RequestContext(
            r.caller(),
            r.requestId(),
            r.clientIp(),
            r.operation() + "#" + ticket + (step == 0 ? "" : "#" + step),
            r.idempotencyKey(),
            new Effects());
  }
}
