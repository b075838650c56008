package dev.triage.application.macro;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Deletes a macro its caller may change; another's personal one is not found, a shared one deleted
 * by anyone but an admin is forbidden. Answers the macro as it was.
 */
public record DeleteMacroHandler(Macros macros) implements Handler<DeleteMacro, Macro> {

  @Override
  public Uni<Result<Macro>> handle(DeleteMacro c, RequestContext context) {
    return Results.then(
        MacroChecks.find(c.macroId(), context.actor(), macros::lock),
        before -> {
          Optional<Result<Macro>> refused = MacroChecks.refusedChange(before, context);
          if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
          }
          Macro was = Macro.of(before);
          return macros
              .delete(before.id())
              .map(
                  done -> {
                    context.effects().changed(Macro.ENTITY, before.id().toString(), was, null);
                    return Result.ok(was);
                  });
        });
  }
}
