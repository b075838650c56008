package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mail outbox as admins see it: each queued mail and its attempts so far. */
public interface MailDeliveries {

  /** Where a mail is: being tried, handed to the mail server, or given up on. */
  enum Status {
    PENDING,
    SENT,
    DEAD
  }

  /** One queued mail, without its bodies. */
  record Delivery(
      UUID id,
      String kind,
      Optional<UUID> ticketId,
      String recipient,
      String subject,
      Status status,
      int attempts,
      Optional<String> lastError,
      Optional<Instant> nextAttemptAt,
      Optional<Instant> sentAt,
      Instant createdAt) {}

  /**
   * Up to {@code limit} mails, newest first: those of {@code status}, or without one every mail not
   * yet sent (waiting for a retry, or dead).
   */
  Uni<List<Delivery>> list(Optional<Status> status, int limit);
}
