package dev.triage.application.slapolicy;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyId;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicyVersion;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Checks the definition (every refusal names its field, a calendar that is not live names {@code
 * calendarId}), then stores the policy with its first version; a name a live policy already has is
 * a conflict.
 */
public final class CreateSlaPolicyHandler implements Handler<CreateSlaPolicy, SlaPolicyView> {

  private final SlaPolicies policies;
  private final Calendars calendars;
  private final Clock clock;
  private final RandomGenerator random;

  public CreateSlaPolicyHandler(
      SlaPolicies policies, Calendars calendars, Clock clock, RandomGenerator random) {
    this.policies = policies;
    this.calendars = calendars;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<SlaPolicyView>> handle(CreateSlaPolicy command, RequestContext context) {
    return Results.then(
        SlaPolicyInput.orEmpty(command.policy()).define(),
        defined ->
            Results.then(
                SlaPolicyLookup.withLiveCalendar(calendars, defined),
                definition -> add(definition, context)));
  }

  private Uni<Result<SlaPolicyView>> add(SlaPolicyDefinition definition, RequestContext context) {
    Instant now = clock.instant();
    SlaPolicyId id = SlaPolicyId.newId(now, random);
    SlaPolicies.Stored stored =
        new SlaPolicies.Stored(
            new SlaPolicyVersion(new SlaPolicyRef(id, definition.name(), 1), false, definition),
            Uuids.v7(now, random),
            context.actor().id().value(),
            now);
    return policies
        .add(stored)
        .map(
            added -> {
              if (!added) {
                return Result.<SlaPolicyView>err(
                    ErrorCode.CONFLICT, SlaPolicyLookup.nameTaken(definition.name()));
              }
              SlaPolicyView view = SlaPolicyView.of(stored);
              context.effects().changed(SlaPolicyView.ENTITY, id.toString(), null, view);
              return Result.ok(view);
            });
  }
}
