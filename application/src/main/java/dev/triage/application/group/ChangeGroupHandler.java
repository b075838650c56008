package dev.triage.application.group;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Locks the group at the version the caller expects, applies the name and the members given and
 * writes the next version; fields that come out as they were write nothing and answer the current
 * version. New members are checked as at creation.
 */
public final class ChangeGroupHandler implements Handler<ChangeGroup, GroupView> {

  private final Groups groups;
  private final Accounts accounts;
  private final Clock clock;

  public ChangeGroupHandler(Groups groups, Accounts accounts, Clock clock) {
    this.groups = groups;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Uni<Result<GroupView>> handle(ChangeGroup c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<String> name =
        c.name() == null ? Optional.empty() : GroupFields.name(c.name(), errors);
    Optional<List<UUID>> members = GroupFields.memberIds(c.memberIds(), errors);
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(errors.toResult(() -> null));
    }
    Uni<Result<Optional<List<UUID>>>> checked =
        members.isEmpty()
            ? Uni.createFrom().item(Result.ok(Optional.empty()))
            : GroupFields.checkMembers(accounts, members.get()).map(r -> r.map(Optional::of));
    return Results.then(
        checked,
        newMembers ->
            Results.then(
                GroupFields.find(c.groupId(), groups::lock)
                    .map(found -> found.flatMap(g -> GroupFields.atVersion(g, c.ifMatch()))),
                before -> {
                  Groups.Stored next =
                      new Groups.Stored(
                          before.id(),
                          name.orElse(before.name()),
                          newMembers.orElse(before.memberIds()),
                          before.version() + 1,
                          clock.instant());
                  return change(before, next, context);
                }));
  }

  private Uni<Result<GroupView>> change(
      Groups.Stored before, Groups.Stored next, RequestContext context) {
    GroupView was = GroupView.of(before);
    String id = before.id().toString();
    if (next.name().equals(before.name())
        && new HashSet<>(next.memberIds()).equals(new HashSet<>(before.memberIds()))) {
      context.effects().changed(GroupView.ENTITY, id, was, was);
      return Uni.createFrom().item(Result.ok(was));
    }
    return groups
        .change(next, new HashSet<>(before.memberIds()))
        .map(
            changed -> {
              if (!changed) {
                return Result.<GroupView>err(
                    ErrorCode.CONFLICT, GroupFields.nameTaken(next.name()));
              }
              GroupView view = GroupView.of(next);
              context.effects().changed(GroupView.ENTITY, id, was, view);
              return Result.ok(view);
            });
  }
}
