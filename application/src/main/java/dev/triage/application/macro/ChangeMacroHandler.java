package dev.triage.application.macro;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Locks the macro at the version the caller expects, checks the fields given as at creation and
 * writes the next version; fields that come out as they were write nothing.
 */
public record ChangeMacroHandler(Macros macros, MacroChecks checks, Clock clock)
    implements Handler<ChangeMacro, Macro> {

  @Override
  public Uni<Result<Macro>> handle(ChangeMacro c, RequestContext context) {
    return Results.then(
        MacroChecks.find(c.macroId(), context.actor(), macros::lock),
        before -> {
          Optional<Result<Macro>> refused = MacroChecks.refusedChange(before, context);
          if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
          }
          if (c.ifMatch().isPresent() && c.ifMatch().get() != before.version()) {
            return Uni.createFrom()
                .item(
                    Result.<Macro>err(
                        ErrorCode.VERSION_MISMATCH,
                        "The macro is at version "
                            + before.version()
                            + ", not "
                            + c.ifMatch().get()
                            + "; reload it and try again."));
          }
          Map<String, List<String>> errors = new LinkedHashMap<>();
          Optional<String> title =
              c.title() == null
                  ? Optional.of(before.title())
                  : MacroChecks.title(c.title(), errors);
          Uni<Result<List<MacroAction>>> actions =
              c.actions() == null
                  ? Uni.createFrom()
                      .item(
                          errors.isEmpty()
                              ? Result.ok(before.actions())
                              : MacroChecks.rejection(errors))
                  : checks.actions(c.actions(), context.actor(), errors);
          return Results.then(
              actions,
              checked -> {
                Macro was = Macro.of(before);
                String id = before.id().toString();
                if (title.get().equals(before.title()) && checked.equals(before.actions())) {
                  context.effects().changed(Macro.ENTITY, id, was, was);
                  return Uni.createFrom().item(Result.ok(was));
                }
                Macros.Stored next =
                    new Macros.Stored(
                        before.id(),
                        before.owner(),
                        title.get(),
                        checked,
                        before.createdBy(),
                        before.version() + 1,
                        clock.instant());
                return macros
                    .change(next)
                    .map(
                        done -> {
                          Macro now = Macro.of(next);
                          context.effects().changed(Macro.ENTITY, id, was, now);
                          return Result.ok(now);
                        });
              });
        });
  }
}
