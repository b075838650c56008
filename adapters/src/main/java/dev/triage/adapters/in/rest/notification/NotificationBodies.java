package dev.triage.adapters.in.rest.notification;

import dev.triage.application.notification.NotificationView;
import dev.triage.domain.notification.NotificationKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the inbox endpoints (field names are the contract). */
final class NotificationBodies {

  private NotificationBodies() {}

  @Schema(name = "NotificationTicket", description = "The ticket the event happened to.")
  record TicketRef(UUID id, @Schema(example = "TCK-2026-000042") String number) {}

  @Schema(
      name = "Notification",
      description =
          "One event that concerns the caller: why (kind), which event of which ticket, who did"
              + " it and when, and whether it is read. The event itself is on the ticket's"
              + " timeline under the same eventId.")
  record NotificationItem(
      UUID id,
      @Schema(description = "Why the caller hears of it") NotificationKind kind,
      @Schema(example = "CommentAdded") String eventType,
      UUID eventId,
      TicketRef ticket,
      @Schema(description = "Who caused it; the nil UUID for the service's own jobs") UUID actorId,
      Instant occurredAt,
      boolean read,
      @Schema(nullable = true, description = "When it was marked read; null while unread")
          Instant readAt) {

    static NotificationItem of(NotificationView n) {
      return new NotificationItem(
          n.id(),
          n.kind(),
          n.eventType(),
          n.eventId(),
          new TicketRef(n.ticketId(), n.ticketNumber()),
          n.actorId(),
          n.occurredAt(),
          n.read(),
          n.readAt().orElse(null));
    }
  }

  @Schema(name = "NotificationPage")
  record NotificationPage(
      List<NotificationItem> items,
      @Schema(nullable = true, description = "Pass as `cursor` for the next page; null at the end")
          String nextCursor) {}

  @Schema(name = "UnreadNotifications")
  record UnreadCount(
      @Schema(description = "Unread notifications in the caller's inbox") long unread) {}

  @Schema(name = "NotificationsMarkedRead")
  record MarkedRead(
      @Schema(description = "How many unread notifications this marked read") long marked) {}
}
