package dev.triage.domain.user;

import java.util.Objects;
import java.util.UUID;

/**
 * The user performing an operation, with the role they act in. Background jobs act as {@link
 * #system()}: an admin-level actor with a reserved id, so audit and events always name someone.
 */
public record Actor(UserId id, Role role) {

  /** The reserved id of the system actor (the nil UUID); no account ever has it. */
  public static final UserId SYSTEM_ID = new UserId(new UUID(0L, 0L));

  private static final Actor SYSTEM = new Actor(SYSTEM_ID, Role.ADMIN);

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  public static Actor of(UserId id, Role role) {
    return new Actor(id, role);
  }

  /** The actor of background jobs (auto-escalation, auto-close, SLA sweeps). */
  public static Actor system() {
    return SYSTEM;
  }

  public boolean isStaff() {
    return role.isStaff();
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean isSystem() {
    return id.equals(SYSTEM_ID);
  }
}
