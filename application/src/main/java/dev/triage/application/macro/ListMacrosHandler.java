package dev.triage.application.macro;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Reads the macros the caller may apply: shared ones first, then their own, each by title. */
public record ListMacrosHandler(Macros macros) implements Handler<ListMacros, List<Macro>> {

  @Override
  public Uni<Result<List<Macro>>> handle(ListMacros query, RequestContext context) {
    return macros
        .visible(context.actor().id())
        .map(all -> Result.ok(all.stream().map(Macro::of).toList()));
  }
}
