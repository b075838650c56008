package dev.triage.application.ticket.comments;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A page of a ticket's comments. A ticket the caller may not see answers NOT_FOUND, exactly like a
 * missing one.
 */
public final class ListCommentsHandler implements Handler<ListComments, Page<CommentView>> {

  static final String TAG = "m";

  private final TicketQueries queries;
  private final AccessPolicy policy;
  private final Clock clock;

  public ListCommentsHandler(TicketQueries queries, AccessPolicy policy, Clock clock) {
    this.queries = queries;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Page<CommentView>>> handle(ListComments query, RequestContext context) {
    QueryParams params = new QueryParams();
    int limit = params.limit(query.limit());
    Optional<Keyset> after = Optional.empty();
    if (query.position() != null) {
      after = Keyset.parse(query.position(), TAG, ListCommentsHandler::isInstant);
      if (after.isEmpty()) {
        params.malformed("cursor", "is not a cursor of this list");
      }
    }
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    Optional<Keyset> from = after;
    return TicketVisibility.of(queries, policy, query.idOrNumber(), context, clock.instant())
        .flatMap(
            seen -> {
              if (seen.ticket().isEmpty()) {
                return Uni.createFrom()
                    .item(Result.err(ErrorCode.NOT_FOUND, "No ticket " + query.idOrNumber() + "."));
              }
              return queries
                  .comments(seen.ticket().get().id(), seen.internal(), from, limit + 1)
                  .map(rows -> Result.ok(page(rows, limit)));
            });
  }

  private static Page<CommentView> page(List<CommentView> rows, int limit) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<CommentView> shown = rows.subList(0, limit);
    CommentView last = shown.getLast();
    return new Page<>(
        shown, Optional.of(new Keyset(last.createdAt().toString(), last.id()).position(TAG)));
  }

  static boolean isInstant(String key) {
    try {
      Instant.parse(key);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
