package dev.triage.application.ticket;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Finds a ticket by id or number for reading, through the read side. A ticket the caller may not
 * see is answered exactly like a missing one (empty), so ids leak nothing.
 */
public final class TicketLookup {

  private final TicketQueries tickets;

  public TicketLookup(TicketQueries tickets) {
    this.tickets = tickets;
  }

  public Uni<Optional<Ticket>> visible(String idOrNumber, RequestContext context) {
    String key = idOrNumber == null ? "" : idOrNumber.strip();
    Uni<Optional<Ticket>> found;
    if (TicketId.parse(key) instanceof Result.Ok<TicketId> id) {
      found = tickets.ticket(id.value());
    } else if (TicketNumber.parse(key) instanceof Result.Ok<TicketNumber> number) {
      found = tickets.ticket(number.value());
    } else {
      return Uni.createFrom().item(Optional.empty());
    }
    return found.map(ticket -> ticket.filter(t -> t.isVisibleTo(context.actor())));
  }
}
