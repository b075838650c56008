package dev.triage.application.bus;

import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/**
 * Runs one kind of request. A rejection the user can cause is a {@link Result}; an infrastructure
 * fault is a failed {@link Uni}.
 */
@FunctionalInterface
public interface Handler<Q extends Request<R>, R> {
  Uni<Result<R>> handle(Q request, RequestContext context);
}
