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
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicyVersion;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Locks the policy at the version the caller expects, checks the new definition, and writes it as
 * the next version, moving the policy's pointer to it; the earlier version rows stay as they were.
 * The default policy keeps applying to every ticket: no conditions, and always last. A definition
 * equal to the current one writes nothing and answers the current version.
 */
public final class ChangeSlaPolicyHandler implements Handler<ChangeSlaPolicy, SlaPolicyView> {

  private final SlaPolicies policies;
  private final Calendars calendars;
  private final Clock clock;
  private final RandomGenerator random;

  public ChangeSlaPolicyHandler(
      SlaPolicies policies, Calendars calendars, Clock clock, RandomGenerator random) {
    this.policies = policies;
    this.calendars = calendars;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<SlaPolicyView>> handle(ChangeSlaPolicy command, RequestContext context) {
    return Results.then(
        SlaPolicyLookup.lock(policies, command.policyId(), command.ifMatch()),
        before ->
            Results.then(
                SlaPolicyInput.orEmpty(command.policy())
                    .define()
                    .flatMap(d -> before.version().isDefault() ? asDefault(d) : Result.ok(d)),
                defined ->
                    Results.then(
                        SlaPolicyLookup.withLiveCalendar(calendars, defined),
                        definition -> change(before, definition, context))));
  }

  /** The default policy's rules: no conditions (the domain's), and its position last. */
  private static Result<SlaPolicyDefinition> asDefault(SlaPolicyDefinition definition) {
    return definition
        .asDefault()
        .flatMap(
            d ->
                d.position() == SlaPolicyDefinition.DEFAULT_POSITION
                    ? Result.ok(d)
                    : Result.invalid(
                        "position",
                        "the default policy is always tried last: its position is "
                            + SlaPolicyDefinition.DEFAULT_POSITION));
  }

  private Uni<Result<SlaPolicyView>> change(
      SlaPolicies.Stored before, SlaPolicyDefinition definition, RequestContext context) {
    SlaPolicyView was = SlaPolicyView.of(before);
    String id = before.id().toString();
    if (definition.equals(before.version().definition())) {
      context.effects().changed(SlaPolicyView.ENTITY, id, was, was);
      return Uni.createFrom().item(Result.ok(was));
    }
    Instant now = clock.instant();
    int version = before.version().ref().version() + 1;
    SlaPolicies.Stored next =
        new SlaPolicies.Stored(
            new SlaPolicyVersion(
                new SlaPolicyRef(before.id(), definition.name(), version),
                before.version().isDefault(),
                definition),
            Uuids.v7(now, random),
            context.actor().id().value(),
            now);
    return policies
        .change(next)
        .map(
            changed -> {
              if (!changed) {
                return Result.<SlaPolicyView>err(
                    ErrorCode.CONFLICT, SlaPolicyLookup.nameTaken(definition.name()));
              }
              SlaPolicyView view = SlaPolicyView.of(next);
              context.effects().changed(SlaPolicyView.ENTITY, id, was, view);
              return Result.ok(view);
            });
  }
}
