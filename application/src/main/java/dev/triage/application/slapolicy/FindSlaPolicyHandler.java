package dev.triage.application.slapolicy;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads a live policy's current version; an id that is not a UUID is simply not found. */
public final class FindSlaPolicyHandler implements Handler<FindSlaPolicy, SlaPolicyView> {

  private final SlaPolicies policies;

  public FindSlaPolicyHandler(SlaPolicies policies) {
    this.policies = policies;
  }

  @Override
  public Uni<Result<SlaPolicyView>> handle(FindSlaPolicy query, RequestContext context) {
    return SlaPolicyLookup.find(policies, query.policyId())
        .map(found -> found.map(SlaPolicyView::of));
  }
}
