package dev.triage.application.bus;

import dev.triage.application.audit.AuditEntry;
import dev.triage.application.port.AuditTrail;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Innermost link of the command chain, inside the transaction: after a successful command it
 * appends exactly one audit entry describing the change its handler recorded, so the entry commits
 * with the effect or not at all. Rejections and faults write nothing (they roll back anyway), and
 * neither does the replay of a stored idempotent answer, which changed nothing.
 */
public final class AuditDecorator implements Decorator {

  private final AuditTrail trail;
  private final Clock clock;

  public AuditDecorator(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    return next.get()
        .flatMap(
            result ->
                result instanceof Result.Ok<R> && !context.effects().replayed()
                    ? trail.append(entry(request, context)).replaceWith(result)
                    : Uni.createFrom().item(result));
  }

  private AuditEntry entry(Request<?> request, RequestContext context) {
    Effects effects = context.effects();
    Optional<Actor> actor = context.caller().map(Caller::actor).or(effects::actedAs);
    Effects.Change change =
        effects
            .change()
            .orElseGet(
                () ->
                    new Effects.Change(
                        AuditEntry.NO_ENTITY, "", Optional.empty(), Optional.empty()));
    return new AuditEntry(
        clock.instant(),
        actor,
        request.getClass().getSimpleName(),
        change.entityType(),
        change.entityId(),
        change.before(),
        change.after(),
        context.clientIp(),
        context.requestId());
  }
}
