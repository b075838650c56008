package dev.triage.application.group;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/**
 * Deletes a group no ticket and no category refers to (a conflict otherwise: move the tickets and
 * change the categories first), recording what the group was.
 */
public final class DeleteGroupHandler implements Handler<DeleteGroup, Boolean> {

  private final Groups groups;

  public DeleteGroupHandler(Groups groups) {
    this.groups = groups;
  }

  @Override
  public Uni<Result<Boolean>> handle(DeleteGroup c, RequestContext context) {
    return Results.then(
        GroupFields.find(c.groupId(), groups::lock)
            .map(found -> found.flatMap(g -> GroupFields.atVersion(g, c.ifMatch()))),
        group ->
            groups
                .inUse(group.id())
                .flatMap(
                    used -> {
                      if (used) {
                        return Uni.createFrom()
                            .item(
                                Result.<Boolean>err(
                                    ErrorCode.CONFLICT,
                                    "Group "
                                        + group.name()
                                        + " is still given to tickets or is a category's"
                                        + " default group; move them first."));
                      }
                      context
                          .effects()
                          .changed(
                              GroupView.ENTITY, group.id().toString(), GroupView.of(group), null);
                      return groups.delete(group).replaceWith(Result.ok(true));
                    }));
  }
}
