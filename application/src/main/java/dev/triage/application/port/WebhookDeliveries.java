package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivery log of webhooks: one delivery per (webhook, event), and its attempts so far. */
public interface WebhookDeliveries {

  /** Where a delivery is: being tried, done, or given up on. */
  enum Status {
    PENDING,
    DELIVERED,
    DEAD
  }

  /** The place of a delivery in the log's order (created at descending, then id descending). */
  record Position(Instant createdAt, UUID id) {}

  /** One delivery as the log shows it. */
  record Delivery(
      UUID id,
      UUID webhookId,
      UUID eventId,
      String eventType,
      Status status,
      int attempts,
      Optional<Integer> lastResponseCode,
      Optional<String> lastError,
      Optional<Instant> nextAttemptAt,
      Optional<Instant> deliveredAt,
      Instant createdAt) {}

  /** Up to {@code limit} deliveries of the webhook, newest first, strictly after {@code after}. */
  Uni<List<Delivery>> page(UUID webhookId, Optional<Position> after, int limit);

  Uni<Optional<Delivery>> byId(UUID webhookId, UUID deliveryId);

  /**
   * Makes the delivery due again at {@code now} (PENDING), whatever its status; an attempt in
   * flight no longer counts. False when there is no such delivery.
   */
  Uni<Boolean> redeliver(UUID webhookId, UUID deliveryId, Instant now);
}
