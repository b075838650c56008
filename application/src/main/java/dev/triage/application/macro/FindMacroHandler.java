package dev.triage.application.macro;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads one macro the caller may see. */
public record FindMacroHandler(Macros macros) implements Handler<FindMacro, Macro> {

  @Override
  public Uni<Result<Macro>> handle(FindMacro query, RequestContext context) {
    return MacroChecks.find(query.macroId(), context.actor(), macros::find)
        .map(found -> found.map(Macro::of));
  }
}
