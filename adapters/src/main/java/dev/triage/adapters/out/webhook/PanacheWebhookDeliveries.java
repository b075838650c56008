package dev.triage.adapters.out.webhook;

import dev.triage.application.port.WebhookDeliveries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log in {@code webhook_deliveries}, newest first: each page continues from the last
 * (created at, id) seen, one range of the index V10 keeps per webhook.
 */
@ApplicationScoped
public class PanacheWebhookDeliveries implements WebhookDeliveries {

  @Override
  public Uni<List<Delivery>> page(UUID webhookId, Optional<Position> after, int limit) {
    String order = " order by createdAt desc, id desc";
    Uni<List<WebhookDeliveryEntity>> rows =
        after.isEmpty()
            ? WebhookDeliveryEntity.<WebhookDeliveryEntity>find(
                    "webhookId = :webhook" + order, Parameters.with("webhook", webhookId))
                .range(0, limit - 1)
                .list()
            : WebhookDeliveryEntity.<WebhookDeliveryEntity>find(
                    "webhookId = :webhook and (createdAt < :at or (createdAt = :at and id < :id))"
                        + order,
                    Parameters.with("webhook", webhookId)
                        .and("at", after.get().createdAt())
                        .and("id", after.get().id()))
                .range(0, limit - 1)
                .list();
    return rows.map(list -> list.stream().map(WebhookDeliveryEntity::toDomain).toList());
  }

  @Override
  public Uni<Optional<Delivery>> byId(UUID webhookId, UUID deliveryId) {
    return WebhookDeliveryEntity.<WebhookDeliveryEntity>findById(deliveryId)
        .map(
            e ->
                Optional.ofNullable(e)
                    .filter(d -> d.webhookId.equals(webhookId))
                    .map(WebhookDeliveryEntity::toDomain));
  }

  @Override
  public Uni<Boolean> redeliver(UUID webhookId, UUID deliveryId, Instant now) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.find(WebhookDeliveryEntity.class, deliveryId)
                    .flatMap(
                        e -> {
                          if (e == null || !e.webhookId.equals(webhookId)) {
                            return Uni.createFrom().item(false);
                          }
                          e.status = Status.PENDING.name();
                          e.nextAttemptAt = now;
                          e.deliveredAt = null;
                          // An attempt in flight now records nothing: its lease is gone.
                          e.leaseUntil = null;
                          e.leaseToken = null;
                          return s.flush().replaceWith(true);
                        }));
  }
}
