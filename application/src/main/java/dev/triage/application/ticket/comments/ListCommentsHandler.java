package dev.triage.application.ticket.comments;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;

/**
 * A page of a ticket's comments. A ticket the caller may not see answers NOT_FOUND, exactly like a
 * missing one.
 */
public record ListCommentsHandler(TicketQueries queries, AccessPolicy policy, Clock clock)
    implements Handler<ListComments, Page<CommentView>> {

  static final String TAG = "m";

  @Override
  public Uni<Result<Page<CommentView>>> handle(ListComments query, RequestContext context) {
    QueryParams params = new QueryParams();
    int limit = params.limit(query.limit());
    Optional<Keyset> after = params.cursor(query.position(), TAG, Keyset::isInstant);
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
                .comments(ticket.id(), internal, after, limit + 1)
                .map(rows -> Page.of(rows, limit, ListCommentsHandler::position)));
  }

  /** Where the page after {@code last} starts: its time and id. */
  private static String position(CommentView last) {
    return new Keyset(last.createdAt().toString(), last.id()).position(TAG);
  }
}
