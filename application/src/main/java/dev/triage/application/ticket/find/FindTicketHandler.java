package dev.triage.application.ticket.find;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds a ticket by id or number. A ticket the caller may not see is answered exactly like a
 * missing one, so ids leak nothing.
 */
public final class FindTicketHandler implements Handler<FindTicket, TicketView> {

  private final Tickets tickets;
  private final SlaSettings sla;
  private final Clock clock;

  public FindTicketHandler(Tickets tickets, SlaSettings sla, Clock clock) {
    this.tickets = tickets;
    this.sla = sla;
    this.clock = clock;
  }

  @Override
  public Uni<Result<TicketView>> handle(FindTicket query, RequestContext context) {
    String key = query.idOrNumber().strip();
    Uni<Optional<Ticket>> found;
    if (TicketId.parse(key) instanceof Result.Ok<TicketId> id) {
      found = tickets.byId(id.value());
    } else if (TicketNumber.parse(key) instanceof Result.Ok<TicketNumber> number) {
      found = tickets.byNumber(number.value());
    } else {
      return Uni.createFrom().item(notFound(key));
    }
    return found.map(
        ticket ->
            ticket
                .filter(t -> t.isVisibleTo(context.actor()))
                .map(t -> Result.ok(TicketView.of(t, sla, clock.instant())))
                .orElseGet(() -> notFound(key)));
  }

  private static Result<TicketView> notFound(String key) {
    return Result.err(ErrorCode.NOT_FOUND, "No ticket " + key + ".");
  }
}
