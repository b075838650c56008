package dev.triage.application.canned;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CannedResponses;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Reads the responses the caller may use: shared ones first, then their own, each by title. */
public record ListCannedResponsesHandler(CannedResponses responses)
    implements Handler<ListCannedResponses, List<CannedResponse>> {

  @Override
  public Uni<Result<List<CannedResponse>>> handle(
      ListCannedResponses query, RequestContext context) {
    return responses
        .visible(context.actor().id())
        .map(all -> Result.ok(all.stream().map(CannedResponse::of).toList()));
  }
}
