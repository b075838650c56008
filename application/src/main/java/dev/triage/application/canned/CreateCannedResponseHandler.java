package dev.triage.application.canned;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CannedResponses;
import dev.triage.application.port.TextTemplates;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Checks the title and the body (an unknown placeholder is refused naming it), then saves the
 * response at version 1; a shared one asked for by anyone but an admin is forbidden.
 */
public record CreateCannedResponseHandler(
    CannedResponses responses, TextTemplates templates, Clock clock, RandomGenerator random)
    implements Handler<CreateCannedResponse, CannedResponse> {

  @Override
  public Uni<Result<CannedResponse>> handle(CreateCannedResponse c, RequestContext context) {
    Actor actor = context.actor();
    boolean shared = Boolean.TRUE.equals(c.shared());
    if (shared && !CannedFields.keepsShared(context)) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.FORBIDDEN, "Only admins make shared canned responses."));
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Optional<String> title = CannedFields.title(c.title(), errors);
    Optional<String> body = CannedFields.body(templates, c.body(), errors);
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(CannedFields.rejection(errors));
    }
    Instant now = clock.instant();
    CannedResponses.Stored stored =
        new CannedResponses.Stored(
            Uuids.v7(now, random),
            shared ? Optional.empty() : Optional.of(actor.id()),
            title.orElseThrow(),
            body.orElseThrow(),
            actor.id(),
            1,
            now);
    return responses
        .add(stored)
        .map(
            done -> {
              CannedResponse response = CannedResponse.of(stored);
              context
                  .effects()
                  .changed(CannedResponse.ENTITY, stored.id().toString(), null, response);
              return Result.ok(response);
            });
  }
}
