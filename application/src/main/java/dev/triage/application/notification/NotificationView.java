package dev.triage.application.notification;

import dev.triage.domain.notification.NotificationKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A notification as its owner reads it: why they hear of it, which event of which ticket, who did
 * it and when, and whether (since when) it is read.
 */
public record NotificationView(
    UUID id,
    NotificationKind kind,
    String eventType,
    UUID eventId,
    UUID ticketId,
    String ticketNumber,
    UUID actorId,
    Instant occurredAt,
    Optional<Instant> readAt) {

  /** The audited entity type of a notification (marking it read or unread). */
  public static final String ENTITY = "Notification";

  public NotificationView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(readAt, "readAt");
  }

  public boolean read() {
    return readAt.isPresent();
  }

  /** The same notification, read since {@code at} (or unread when empty). */
  public NotificationView withReadAt(Optional<Instant> at) {
    return new NotificationView(
        id, kind, eventType, eventId, ticketId, ticketNumber, actorId, occurredAt, at);
  }
}
