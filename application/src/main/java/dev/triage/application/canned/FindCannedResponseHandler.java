package dev.triage.application.canned;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CannedResponses;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads one canned response the caller may see. */
public record FindCannedResponseHandler(CannedResponses responses)
    implements Handler<FindCannedResponse, CannedResponse> {

  @Override
  public Uni<Result<CannedResponse>> handle(FindCannedResponse query, RequestContext context) {
    return CannedFields.find(query.responseId(), context.actor(), responses::find)
        .map(found -> found.map(CannedResponse::of));
  }
}
