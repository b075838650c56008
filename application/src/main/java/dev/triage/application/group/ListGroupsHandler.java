package dev.triage.application.group;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Reads every group by name, in one answer (a short list admins keep by hand). */
public final class ListGroupsHandler implements Handler<ListGroups, List<GroupView>> {

  private final Groups groups;

  public ListGroupsHandler(Groups groups) {
    this.groups = groups;
  }

  @Override
  public Uni<Result<List<GroupView>>> handle(ListGroups query, RequestContext context) {
    return groups.list().map(all -> Result.ok(all.stream().map(GroupView::of).toList()));
  }
}
