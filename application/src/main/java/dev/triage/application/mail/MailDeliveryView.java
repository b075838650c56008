package dev.triage.application.mail;

import dev.triage.application.port.MailDeliveries;
import java.time.Instant;
import java.util.UUID;

/**
 * One mail of the outbox as admins see it.
 *
 * @param ticketId null for mails about no ticket (password resets)
 * @param lastError null until an attempt failed
 * @param nextAttemptAt null once sent or dead
 * @param sentAt null until sent
 */
public record MailDeliveryView(
    UUID id,
    String kind,
    UUID ticketId,
    String recipient,
    String subject,
    String status,
    int attempts,
    String lastError,
    Instant nextAttemptAt,
    Instant sentAt,
    Instant createdAt) {

  public static MailDeliveryView of(MailDeliveries.Delivery d) {
    return new MailDeliveryView(
        d.id(),
        d.kind(),
        d.ticketId().orElse(null),
        d.recipient(),
        d.subject(),
        d.status().name(),
        d.attempts(),
        d.lastError().orElse(null),
        d.nextAttemptAt().orElse(null),
        d.sentAt().orElse(null),
        d.createdAt());
  }
}
