package dev.triage.application.ticket.overdue;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.application.ticket.list.TicketCriteria;
import dev.triage.application.ticket.list.TicketSort;
import dev.triage.application.ticket.list.TicketSummary;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The overdue list: the ticket list with {@code overdue=true&sort=slaDueAt}, for staff. Its cursor
 * is a cursor of that list.
 */
public final class ListOverdueHandler implements Handler<ListOverdue, Page<TicketSummary>> {

  private final TicketQueries queries;
  private final AccessPolicy policy;
  private final Clock clock;

  public ListOverdueHandler(TicketQueries queries, AccessPolicy policy, Clock clock) {
    this.queries = queries;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Page<TicketSummary>>> handle(ListOverdue query, RequestContext context) {
    QueryParams params = new QueryParams();
    int limit = params.limit(query.limit());
    TicketSort sort = TicketSort.SLA_DUE;
    Optional<Keyset> after =
        params.cursor(query.position(), sort.code(), ListTicketsHandler.keyCheck(sort));
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    TicketCriteria criteria =
        new TicketCriteria(
                policy.scope(context.actor()).onlyRequester(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                false,
                true,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                sort,
                after,
                clock.instant())
            .within(policy.scope(context.actor()));
    return ListTicketsHandler.page(queries, criteria, limit)
        .map(r -> r.map(p -> p.map(t -> t.seenBy(context.actor()))));
  }
}
