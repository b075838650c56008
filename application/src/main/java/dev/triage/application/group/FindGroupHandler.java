package dev.triage.application.group;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads one group with its members. */
public final class FindGroupHandler implements Handler<FindGroup, GroupView> {

  private final Groups groups;

  public FindGroupHandler(Groups groups) {
    this.groups = groups;
  }

  @Override
  public Uni<Result<GroupView>> handle(FindGroup query, RequestContext context) {
    return GroupFields.find(query.groupId(), groups::find).map(r -> r.map(GroupView::of));
  }
}
