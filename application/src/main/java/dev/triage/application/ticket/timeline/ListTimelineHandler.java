package dev.triage.application.ticket.timeline;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.comments.TicketVisibility;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * A page of a ticket's timeline. A ticket the caller may not see answers NOT_FOUND, exactly like a
 * missing one. Entries are in the order of their outbox sequence, which is also the cursor's key.
 */
public record ListTimelineHandler(TicketQueries queries, AccessPolicy policy, Clock clock)
    implements Handler<ListTimeline, Page<TimelineEntry>> {

  static final String TAG = "t";

  @Override
  public Uni<Result<Page<TimelineEntry>>> handle(ListTimeline query, RequestContext context) {
    QueryParams params = new QueryParams();
    int limit = params.limit(query.limit());
    OptionalLong after =
        params
            .cursor(query.position(), TAG, key -> key.matches("[0-9]{1,18}"))
            .map(keyset -> OptionalLong.of(Long.parseLong(keyset.key())))
            .orElse(OptionalLong.empty());
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    return TicketVisibility.read(
        queries,
        policy,
        query.idOrNumber(),
        context,
        clock.instant(),
        (ticket, internal) ->
            queries
                .timeline(ticket.id(), internal, after, limit + 1)
                .map(rows -> Page.of(rows, limit, ListTimelineHandler::position)));
  }

  /** Where the page after {@code last} starts: its sequence and event id. */
  private static String position(TimelineEntry last) {
    return new Keyset(Long.toString(last.sequence()), last.eventId()).position(TAG);
  }
}
