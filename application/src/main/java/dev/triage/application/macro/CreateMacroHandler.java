package dev.triage.application.macro;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
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
 * Checks the title and the actions, then saves the macro at version 1; a shared one asked for by
 * anyone but an admin is forbidden.
 */
public record CreateMacroHandler(
    Macros macros, MacroChecks checks, Clock clock, RandomGenerator random)
    implements Handler<CreateMacro, Macro> {

  @Override
  public Uni<Result<Macro>> handle(CreateMacro c, RequestContext context) {
    Actor actor = context.actor();
    boolean shared = Boolean.TRUE.equals(c.shared());
    if (shared && !MacroChecks.keepsShared(context)) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.FORBIDDEN, "Only admins make shared macros."));
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Optional<String> title = MacroChecks.title(c.title(), errors);
    return Results.then(
        checks.actions(c.actions(), actor, errors),
        actions -> {
          Instant now = clock.instant();
          Macros.Stored stored =
              new Macros.Stored(
                  Uuids.v7(now, random),
                  shared ? Optional.empty() : Optional.of(actor.id()),
                  title.orElseThrow(),
                  actions,
                  actor.id(),
                  1,
                  now);
          return macros
              .add(stored)
              .map(
                  done -> {
                    Macro macro = Macro.of(stored);
                    context.effects().changed(Macro.ENTITY, stored.id().toString(), null, macro);
                    return Result.ok(macro);
                  });
        });
  }
}
