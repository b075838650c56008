package dev.triage.application.ticket;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds a ticket by id or number for reading, through the read side. A ticket the caller may not
 * see is answered exactly like a missing one (empty), so ids leak nothing.
 */
public record TicketLookup(TicketQueries tickets) {

  public Uni<Optional<StoredTicket>> visible(String idOrNumber, RequestContext context) {
    return TicketKeys.find(idOrNumber, tickets::ticket, tickets::ticket)
        .map(ticket -> ticket.filter(t -> t.ticket().isVisibleTo(context.actor())));
  }

  /** The visible ticket as {@code view} shows it; NOT_FOUND for one missing or out of sight. */
  public <T> Uni<Result<T>> find(
      String idOrNumber, RequestContext context, Function<Ticket, T> view) {
    return findStored(idOrNumber, context, t -> Uni.createFrom().item(view.apply(t.ticket())));
  }

  /** As {@link #find}, with a view that needs the stored clock facts and may read on. */
  public <T> Uni<Result<T>> findStored(
      String idOrNumber, RequestContext context, Function<StoredTicket, Uni<T>> view) {
    return visible(idOrNumber, context)
        .flatMap(
            found ->
                found
                    .map(t -> view.apply(t).map(Result::ok))
                    .orElseGet(
                        () ->
                            Uni.createFrom()
                                .item(
                                    Result.err(
                                        ErrorCode.NOT_FOUND, "No ticket " + idOrNumber + "."))));
  }
}
