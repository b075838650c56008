package dev.triage.application.tag;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Reads the tag counts the database keeps as tickets change (one small table). */
public record ListTagsHandler(TicketQueries queries) implements Handler<ListTags, List<TagCount>> {

  @Override
  public Uni<Result<List<TagCount>>> handle(ListTags query, RequestContext context) {
    int limit = ListTags.DEFAULT_LIMIT;
    if (query.limit() != null && !query.limit().isBlank()) {
      try {
        limit = Integer.parseInt(query.limit().strip());
      } catch (NumberFormatException e) {
        return Uni.createFrom()
            .item(Result.err(ErrorCode.MALFORMED_REQUEST, "limit must be a whole number."));
      }
      if (limit < 1 || limit > ListTags.MAX_LIMIT) {
        return Uni.createFrom()
            .item(Result.invalid("limit", "must be between 1 and " + ListTags.MAX_LIMIT));
      }
    }
    return queries.tags(limit).map(Result::ok);
  }
}
