package dev.triage.application.slapolicy;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * Deletes a policy other than the default one (a conflict: every ticket must have a policy that
 * applies), recording what the policy was.
 */
public final class DeleteSlaPolicyHandler implements Handler<DeleteSlaPolicy, Boolean> {

  private final SlaPolicies policies;
  private final Clock clock;

  public DeleteSlaPolicyHandler(SlaPolicies policies, Clock clock) {
    this.policies = policies;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Boolean>> handle(DeleteSlaPolicy command, RequestContext context) {
    return Results.then(
        SlaPolicyLookup.lock(policies, command.policyId(), command.ifMatch()),
        found -> {
          if (found.version().isDefault()) {
            return Uni.createFrom()
                .item(
                    Result.<Boolean>err(
                        ErrorCode.CONFLICT,
                        "The default policy applies when no other does; it cannot be deleted."));
          }
          context
              .effects()
              .changed(SlaPolicyView.ENTITY, found.id().toString(), SlaPolicyView.of(found), null);
          return policies.delete(found.id(), clock.instant()).replaceWith(Result.ok(true));
        });
  }
}
