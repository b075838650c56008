package dev.triage.domain.user;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The user performing an operation, with the role they act in, the groups they belong to and
 * whether they see only their groups' tickets. Background jobs act as {@link #system()}: an
 * admin-level actor with a reserved id, so audit and events always name someone.
 *
 * <p>Two actors are equal when they have the same id and role: the groups are what the account was
 * when the request began, not part of who acted.
 *
 * @param restrictedToGroups true when an agent sees only the tickets of {@code groupIds}; never
 *     true for an admin or a customer
 * @param groupIds the groups the actor belongs to
 */
public record Actor(UserId id, Role role, boolean restrictedToGroups, Set<UUID> groupIds) {

  /** The reserved id of the system actor (the nil UUID); no account ever has it. */
  public static final UserId SYSTEM_ID = new UserId(new UUID(0L, 0L));

  private static final Actor SYSTEM = new Actor(SYSTEM_ID, Role.ADMIN);

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    restrictedToGroups = restrictedToGroups && role == Role.AGENT;
  }

  /** An actor in no group, unrestricted. */
  public Actor(UserId id, Role role) {
    this(id, role, false, Set.of());
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

  /** True when this actor belongs to {@code group}. */
  public boolean isMemberOf(UUID group) {
    return groupIds.contains(group);
  }

  /**
   * Whether this actor, as staff, may see a ticket in {@code group} (empty: in none): always,
   * unless restricted to their groups, who see only tickets of one of them.
   */
  public boolean seesGroup(Optional<UUID> group) {
    return !restrictedToGroups || group.filter(groupIds::contains).isPresent();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Actor a && a.id.equals(id) && a.role == role;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, role);
  }
}
