package dev.triage.domain.ticket;

import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user proposed as a ticket's assignee, as the application found them: the aggregate checks the
 * role, whether the account is active, and whether they belong to the ticket's group.
 *
 * @param groupIds the groups the user belongs to
 */
public record Assignee(UserId id, Role role, boolean active, Set<UUID> groupIds) {
  public Assignee {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
  }

  /** A user in no group. */
  public Assignee(UserId id, Role role, boolean active) {
    this(id, role, active, Set.of());
  }
}
