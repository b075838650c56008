package dev.triage.domain.notification;

import dev.triage.domain.user.UserId;
import java.util.Objects;

/** One user who hears of an event, and why. */
public record Recipient(UserId userId, NotificationKind kind) {
  public Recipient {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
  }
}
