package dev.triage.adapters.in.rest.mail;

import dev.triage.application.mail.MailDeliveryView;
import dev.triage.application.mail.NotificationSettingsView;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the e-mail endpoints. */
public final class MailBodies {

  private MailBodies() {}

  /** {@code PATCH /api/v1/me/notification-settings}: kinds to switch on or off. */
  @Schema(name = "ChangeNotificationSettingsRequest")
  public record ChangeNotificationSettingsRequest(
      @Schema(
              description =
                  "Notification kind to true (mail me) or false (do not); kinds left out stay as"
                      + " they are",
              examples = "{\"INTERNAL_NOTE\": false}")
          Map<String, Boolean> email) {}

  /** A user's notification settings. */
  @Schema(name = "NotificationSettings")
  public record NotificationSettingsResponse(
      @Schema(
              description =
                  "Every notification kind (ASSIGNED_TO_YOU, UNASSIGNED, STATUS_CHANGED, REPLY,"
                      + " INTERNAL_NOTE, ESCALATED, SLA_WARNING, SLA_BREACHED) to whether it"
                      + " reaches the caller by e-mail")
          Map<String, Boolean> email) {
    static NotificationSettingsResponse of(NotificationSettingsView view) {
      return new NotificationSettingsResponse(new java.util.TreeMap<>(view.email()));
    }
  }

  /** One mail of the outbox. */
  @Schema(name = "MailDelivery")
  public record MailDeliveryResponse(
      UUID id,
      @Schema(description = "The notification kind, or PASSWORD_RESET / ADDRESS_CHECK") String kind,
      @Schema(nullable = true) UUID ticketId,
      String recipient,
      String subject,
      @Schema(enumeration = {"PENDING", "SENT", "DEAD"}) String status,
      int attempts,
      @Schema(nullable = true, description = "What went wrong the last time") String lastError,
      @Schema(nullable = true) Instant nextAttemptAt,
      @Schema(nullable = true) Instant sentAt,
      Instant createdAt) {
    static MailDeliveryResponse of(MailDeliveryView v) {
      return new MailDeliveryResponse(
          v.id(),
          v.kind(),
          v.ticketId(),
          v.recipient(),
          v.subject(),
          v.status(),
          v.attempts(),
          v.lastError(),
          v.nextAttemptAt(),
          v.sentAt(),
          v.createdAt());
    }
  }
}
