package dev.triage.application.group;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Checks the fields (every refusal names its field) and the members, then adds the group at version
 * 1; a name another group has in any case is a conflict.
 */
public final class CreateGroupHandler implements Handler<CreateGroup, GroupView> {

  private final Groups groups;
  private final Accounts accounts;
  private final Clock clock;
  private final RandomGenerator random;

  public CreateGroupHandler(Groups groups, Accounts accounts, Clock clock, RandomGenerator random) {
    this.groups = groups;
    this.accounts = accounts;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<GroupView>> handle(CreateGroup c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<String> name = GroupFields.name(c.name(), errors);
    Optional<List<UUID>> members = GroupFields.memberIds(c.memberIds(), errors);
    Instant now = clock.instant();
    return Results.then(
        errors.toResult(() -> members.orElse(List.of())),
        ids ->
            Results.then(
                GroupFields.checkMembers(accounts, ids),
                checked -> {
                  Groups.Stored stored =
                      new Groups.Stored(Uuids.v7(now, random), name.orElseThrow(), checked, 1, now);
                  return groups
                      .add(stored)
                      .map(
                          added -> {
                            if (!added) {
                              return Result.<GroupView>err(
                                  ErrorCode.CONFLICT, GroupFields.nameTaken(stored.name()));
                            }
                            GroupView view = GroupView.of(stored);
                            context
                                .effects()
                                .changed(GroupView.ENTITY, stored.id().toString(), null, view);
                            return Result.ok(view);
                          });
                }));
  }
}
