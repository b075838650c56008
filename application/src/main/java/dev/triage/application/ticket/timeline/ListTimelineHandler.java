package dev.triage.application.ticket.timeline;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.comments.TicketVisibility;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A page of a ticket's timeline. A ticket the caller may not see answers NOT_FOUND, exactly like a
 * missing one.
 */
public final class ListTimelineHandler implements Handler<ListTimeline, Page<TimelineEntry>> {

  static final String TAG = "t";

  private final TicketQueries queries;
  private final AccessPolicy policy;
  private final Clock clock;

  public ListTimelineHandler(TicketQueries queries, AccessPolicy policy, Clock clock) {
    this.queries = queries;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Page<TimelineEntry>>> handle(ListTimeline query, RequestContext context) {
    QueryParams params = new QueryParams();
    int limit = params.limit(query.limit());
    OptionalLong after = OptionalLong.empty();
    if (query.position() != null) {
      Optional<Keyset> keyset =
          Keyset.parse(query.position(), TAG, key -> key.matches("[0-9]{1,18}"));
      if (keyset.isEmpty()) {
        params.malformed("cursor", "is not a cursor of this list");
      } else {
        after = OptionalLong.of(Long.parseLong(keyset.get().key()));
      }
    }
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    OptionalLong from = after;
    return TicketVisibility.of(queries, policy, query.idOrNumber(), context, clock.instant())
        .flatMap(
            seen -> {
              if (seen.ticket().isEmpty()) {
                return Uni.createFrom()
                    .item(Result.err(ErrorCode.NOT_FOUND, "No ticket " + query.idOrNumber() + "."));
              }
              return queries
                  .timeline(seen.ticket().get().id(), seen.internal(), from, limit + 1)
                  .map(rows -> Result.ok(page(rows, limit)));
            });
  }

  private static Page<TimelineEntry> page(List<TimelineEntry> rows, int limit) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<TimelineEntry> shown = rows.subList(0, limit);
    TimelineEntry last = shown.getLast();
    return new Page<>(
        shown,
        Optional.of(new Keyset(Long.toString(last.sequence()), last.eventId()).position(TAG)));
  }
}
