package dev.triage.application.canned;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CannedResponses;
import dev.triage.application.port.TextTemplates;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Locks the response at the version the caller expects, checks the fields given as at creation and
 * writes the next version; fields that come out as they were write nothing.
 */
public record ChangeCannedResponseHandler(
    CannedResponses responses, TextTemplates templates, Clock clock)
    implements Handler<ChangeCannedResponse, CannedResponse> {

  @Override
  public Uni<Result<CannedResponse>> handle(ChangeCannedResponse c, RequestContext context) {
    return Results.then(
        CannedFields.find(c.responseId(), context.actor(), responses::lock),
        before -> {
          Optional<Result<CannedResponse>> refused = CannedFields.refusedChange(before, context);
          if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
          }
          if (c.ifMatch().isPresent() && c.ifMatch().get() != before.version()) {
            return Uni.createFrom()
                .item(
                    Result.<CannedResponse>err(
                        ErrorCode.VERSION_MISMATCH,
                        "The canned response is at version "
                            + before.version()
                            + ", not "
                            + c.ifMatch().get()
                            + "; reload it and try again."));
          }
          Map<String, List<String>> errors = new LinkedHashMap<>();
          Optional<String> title =
              c.title() == null
                  ? Optional.of(before.title())
                  : CannedFields.title(c.title(), errors);
          Optional<String> body =
              c.body() == null
                  ? Optional.of(before.body())
                  : CannedFields.body(templates, c.body(), errors);
          if (!errors.isEmpty()) {
            return Uni.createFrom().item(CannedFields.rejection(errors));
          }
          CannedResponse was = CannedResponse.of(before);
          String id = before.id().toString();
          if (title.get().equals(before.title()) && body.get().equals(before.body())) {
            context.effects().changed(CannedResponse.ENTITY, id, was, was);
            return Uni.createFrom().item(Result.ok(was));
          }
          CannedResponses.Stored next =
              new CannedResponses.Stored(
                  before.id(),
                  before.owner(),
                  title.get(),
                  body.get(),
                  before.createdBy(),
                  before.version() + 1,
                  clock.instant());
          return responses
              .change(next)
              .map(
                  done -> {
                    CannedResponse now = CannedResponse.of(next);
                    context.effects().changed(CannedResponse.ENTITY, id, was, now);
                    return Result.ok(now);
                  });
        });
  }
}
