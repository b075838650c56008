package dev.triage.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to an account, in the past tense. The application emits these around registration,
 * login and account management; they feed the audit log and notifications.
 */
public sealed interface UserEvent {

  Instant occurredAt();

  /** A stable name for storage and wire formats. */
  default String type() {
    return switch (this) {
      case Registered e -> "Registered";
      case LoggedIn e -> "LoggedIn";
      case LoginFailed e -> "LoginFailed";
      case RoleChanged e -> "RoleChanged";
      case Deactivated e -> "Deactivated";
    };
  }

  /** An account was created, by self-registration or by an admin ({@code actor}). */
  record Registered(UserId userId, Role role, Actor actor, Instant occurredAt)
      implements UserEvent {
    public Registered {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** A user logged in. */
  record LoggedIn(UserId userId, Instant occurredAt) implements UserEvent {
    public LoggedIn {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /**
   * A login was refused. The account is empty when no account matched, which the caller must not
   * reveal to the client.
   */
  record LoginFailed(Optional<UserId> userId, Instant occurredAt) implements UserEvent {
    public LoginFailed {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** An admin changed a user's role. */
  record RoleChanged(UserId userId, Role from, Role to, Actor actor, Instant occurredAt)
      implements UserEvent {
    public RoleChanged {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** An admin deactivated an account; it can no longer log in and its tokens stop working. */
  record Deactivated(UserId userId, Actor actor, Instant occurredAt) implements UserEvent {
    public Deactivated {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }
}
