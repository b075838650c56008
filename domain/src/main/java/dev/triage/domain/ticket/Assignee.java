package dev.triage.domain.ticket;

import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.util.Objects;

/**
 * A user proposed as a ticket's assignee, as the application found them: the aggregate checks the
 * role and whether the account is active.
 */
public record Assignee(UserId id, Role role, boolean active) {
  public Assignee {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }
}
