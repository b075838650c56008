package dev.triage.domain.user;

import static dev.triage.domain.shared.ErrorCode.CONFLICT;
import static dev.triage.domain.shared.ErrorCode.FORBIDDEN;

import dev.triage.domain.shared.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person's account. Accounts are never deleted, only deactivated. Every token carries the
 * account's {@code sessionEpoch}; raising it (logout, revoke, role change, deactivation) ends every
 * session at once, on every replica, because the epoch lives with the account.
 */
public record Account(
    UserId id,
    Email email,
    DisplayName displayName,
    Role role,
    boolean active,
    String passwordHash,
    long sessionEpoch,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean restrictedToGroups) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** An account that sees every ticket its role allows. */
  public Account(
      UserId id,
      Email email,
      DisplayName displayName,
      Role role,
      boolean active,
      String passwordHash,
      long sessionEpoch,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this(
        id,
        email,
        displayName,
        role,
        active,
        passwordHash,
        sessionEpoch,
        createdAt,
        updatedAt,
        version,
        false);
  }

  /** A new account and the event that records who made it. */
  public record Change(Account account, List<UserEvent> events) {
    public Change {
      Objects.requireNonNull(account, "account");
      events = List.copyOf(events);
    }
  }

  /** A customer registering themselves. */
  public static Change register(
      UserId id, Email email, DisplayName name, String passwordHash, Instant now) {
    Account account =
        new Account(id, email, name, Role.CUSTOMER, true, passwordHash, 0, now, now, 1);
    return new Change(
        account,
        List.of(new UserEvent.Registered(id, Role.CUSTOMER, Actor.of(id, Role.CUSTOMER), now)));
  }

  /** The password hash of an account nobody has claimed yet: no password verifies against it. */
  public static final String UNCLAIMED = "";

  /**
   * Staff making the account of a customer who called or wrote in, without a password (it can be
   * claimed later); the event records who made it.
   */
  public static Result<Change> openForCustomer(
      Actor staff, UserId id, Email email, DisplayName name, Instant now) {
    if (!staff.isStaff()) {
      return Result.err(FORBIDDEN, "Only staff open accounts on a customer's behalf.");
    }
    Account account = new Account(id, email, name, Role.CUSTOMER, true, UNCLAIMED, 0, now, now, 1);
    return Result.ok(
        new Change(account, List.of(new UserEvent.Registered(id, Role.CUSTOMER, staff, now))));
  }

  /** False for an account made on a customer's behalf that nobody has claimed yet. */
  public boolean claimed() {
    return !passwordHash.isEmpty();
  }

  /** An admin (or the system, for the first admin) creating an account of any role. */
  public static Result<Change> create(
      Actor actor,
      UserId id,
      Email email,
      DisplayName name,
      Role role,
      String passwordHash,
      Instant now) {
    if (!actor.isAdmin()) {
      return Result.err(FORBIDDEN, "Only admins create accounts for others.");
    }
    Account account = new Account(id, email, name, role, true, passwordHash, 0, now, now, 1);
    return Result.ok(new Change(account, List.of(new UserEvent.Registered(id, role, actor, now))));
  }

  /** The actor this account acts as, in no group. */
  public Actor actor() {
    return actor(Set.of());
  }

  /** The actor this account acts as, a member of {@code groupIds}. */
  public Actor actor(Set<UUID> groupIds) {
    return new Actor(id, role, restrictedToGroups, groupIds);
  }

  /**
   * An admin restricts an agent to the tickets of their groups, or lifts it (admins are never
   * restricted, whatever the flag). Sessions go on: the account's cached entry is dropped, so the
   * next request sees the change.
   */
  public Result<Change> restrictToGroups(Actor actor, boolean restricted, Instant now) {
    if (!actor.isAdmin()) {
      return Result.err(FORBIDDEN, "Only admins manage accounts.");
    }
    if (restricted == restrictedToGroups) {
      return Result.ok(new Change(this, List.of()));
    }
    return Result.ok(
        new Change(
            new Account(
                id,
                email,
                displayName,
                role,
                active,
                passwordHash,
                sessionEpoch,
                createdAt,
                now,
                version + 1,
                restricted),
            List.of()));
  }

  /** True when a token minted at {@code epoch} may still act for this account. */
  public boolean accepts(long epoch) {
    return active && epoch == sessionEpoch;
  }

  /**
   * An admin changes the role and/or the active flag. Either change ends the account's sessions. An
   * admin cannot demote or deactivate themselves, so the last admin cannot lock everyone out by
   * accident.
   */
  public Result<Change> update(
      Actor actor, Optional<Role> newRole, Optional<Boolean> newActive, Instant now) {
    if (!actor.isAdmin()) {
      return Result.err(FORBIDDEN, "Only admins manage accounts.");
    }
    Role targetRole = newRole.orElse(role);
    boolean targetActive = newActive.orElse(active);
    if (actor.id().equals(id) && (targetRole != Role.ADMIN || !targetActive)) {
      return Result.err(CONFLICT, "Admins cannot demote or deactivate their own account.");
    }
    List<UserEvent> events = new ArrayList<>();
    if (targetRole != role) {
      events.add(new UserEvent.RoleChanged(id, role, targetRole, actor, now));
    }
    if (active && !targetActive) {
      events.add(new UserEvent.Deactivated(id, actor, now));
    }
    if (targetRole == role && targetActive == active) {
      return Result.ok(new Change(this, List.of()));
    }
    return Result.ok(
        new Change(
            new Account(
                id,
                email,
                displayName,
                targetRole,
                targetActive,
                passwordHash,
                sessionEpoch + 1,
                createdAt,
                now,
                version + 1,
                restrictedToGroups),
            events));
  }

  /**
   * The account's owner sets a new password (already checked against {@link PasswordPolicy} and
   * hashed); every session of the account ends with the old password.
   */
  public Account changePassword(String newPasswordHash, Instant now) {
    Objects.requireNonNull(newPasswordHash, "newPasswordHash");
    return new Account(
        id,
        email,
        displayName,
        role,
        active,
        newPasswordHash,
        sessionEpoch + 1,
        createdAt,
        now,
        version + 1,
        restrictedToGroups);
  }

  /** Ends every session of this account (logout, or an admin's revoke). */
  public Account endSessions(Instant now) {
    return new Account(
        id,
        email,
        displayName,
        role,
        active,
        passwordHash,
        sessionEpoch + 1,
        createdAt,
        now,
        version + 1,
        restrictedToGroups);
  }
}
