package dev.triage.adapters.out.webhook;

import dev.triage.application.port.WebhookDeliveries;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code webhook_deliveries} row as the delivery log reads it; the body and the lease are the
 * sender's business (plain SQL in {@link WebhookSender}).
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDeliveryEntity extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "webhook_id")
  public UUID webhookId;

  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "event_type")
  public String eventType;

  public String status;
  public int attempts;

  @Column(name = "last_response_code")
  public Integer lastResponseCode;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "lease_token")
  public UUID leaseToken;

  WebhookDeliveries.Delivery toDomain() {
    return new WebhookDeliveries.Delivery(
        id,
        webhookId,
        eventId,
        eventType,
        WebhookDeliveries.Status.valueOf(status),
        attempts,
        Optional.ofNullable(lastResponseCode),
        Optional.ofNullable(lastError),
        Optional.ofNullable(nextAttemptAt),
        Optional.ofNullable(deliveredAt),
        createdAt);
  }
}
