package dev.triage.application.ticket;

import dev.triage.application.port.Accounts;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What ticket commands ask about groups, read in the command's transaction: whether a group a
 * client named exists (its row share-locked, so it is not deleted under the ticket), and a proposed
 * assignee with the groups they belong to. Refusals name the field as the body spells it.
 */
public final class TicketGroups {

  /** For handlers built without groups: every group named is unknown, no assignee is found. */
  public static final TicketGroups NONE = new TicketGroups(null, null);

  private final Groups groups;
  private final Accounts accounts;

  public TicketGroups(Groups groups, Accounts accounts) {
    this.groups = groups;
    this.accounts = accounts;
  }

  /**
   * The group an edit names: empty when not named ({@code null}); empty inside for none (an empty
   * optional or empty text); else the id of an existing group.
   */
  public Uni<Result<Optional<Optional<UUID>>>> group(Optional<String> raw) {
    if (raw == null) {
      return Uni.createFrom().item(Result.ok(Optional.empty()));
    }
    return existing(raw.orElse(""), "groupId").map(r -> r.map(Optional::of));
  }

  /** The group a new ticket is opened in: empty for none ({@code null} or empty text). */
  public Uni<Result<Optional<UUID>>> existing(String raw, String field) {
    if (raw == null || raw.isEmpty()) {
      return Uni.createFrom().item(Result.ok(Optional.empty()));
    }
    Optional<UUID> id = Uuids.parse(raw.strip());
    if (id.isEmpty()) {
      return Uni.createFrom()
          .item(Result.invalid(field, "must be a group's id (a UUID), or null for none"));
    }
    if (groups == null) {
      return Uni.createFrom().item(Result.invalid(field, "no such group"));
    }
    return groups
        .exists(id.get())
        .map(found -> found ? Result.ok(id) : Result.invalid(field, "no such group"));
  }

  /** The assignee an edit names, with their groups: empty when not named. */
  public Uni<Result<Optional<Assignee>>> assignee(String raw) {
    if (raw == null) {
      return Uni.createFrom().item(Result.ok(Optional.empty()));
    }
    if (!(UserId.parse(raw) instanceof Result.Ok<UserId> id)) {
      return Uni.createFrom().item(Result.invalid("assigneeId", "must be a user id (UUID)"));
    }
    if (accounts == null) {
      return Uni.createFrom().item(Result.invalid("assigneeId", "no such user"));
    }
    return accounts
        .byId(id.value())
        .flatMap(
            account ->
                account.isEmpty()
                    ? Uni.createFrom()
                        .item(Result.<Optional<Assignee>>invalid("assigneeId", "no such user"))
                    : groupsOf(id.value())
                        .map(
                            in ->
                                Result.ok(
                                    Optional.of(
                                        new Assignee(
                                            account.get().id(),
                                            account.get().role(),
                                            account.get().active(),
                                            in)))));
  }

  /** The groups {@code user} belongs to. */
  public Uni<Set<UUID>> groupsOf(UserId user) {
    return groups == null ? Uni.createFrom().item(Set.of()) : groups.groupsOf(user);
  }
}
