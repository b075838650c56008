package dev.triage.application.bus;

import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** One link of the chain around every handler: may act before, after, or instead of the rest. */
public interface Decorator {
  <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next);
}
