package dev.triage.application.canned;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CannedResponses;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Deletes a response its caller may change; another's personal one is not found, a shared one
 * deleted by anyone but an admin is forbidden. Answers the response as it was.
 */
public record DeleteCannedResponseHandler(CannedResponses responses)
    implements Handler<DeleteCannedResponse, CannedResponse> {

  @Override
  public Uni<Result<CannedResponse>> handle(DeleteCannedResponse c, RequestContext context) {
    return Results.then(
        CannedFields.find(c.responseId(), context.actor(), responses::lock),
        before -> {
          Optional<Result<CannedResponse>> refused = CannedFields.refusedChange(before, context);
          if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
          }
          CannedResponse was = CannedResponse.of(before);
          return responses
              .delete(before.id())
              .map(
                  done -> {
                    context
                        .effects()
                        .changed(CannedResponse.ENTITY, before.id().toString(), was, null);
                    return Result.ok(was);
                  });
        });
  }
}
