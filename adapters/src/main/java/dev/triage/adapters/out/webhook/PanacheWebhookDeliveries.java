package dev.triage.adapters.out.webhook;

import dev.triage.application.port.WebhookDeliveries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
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
    // One statement that writes only these columns: an outcome the sender records at the same
    // moment keeps its attempts, code and error. An attempt in flight then records nothing: its
    // lease is gone.
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "update webhook_deliveries set status = 'PENDING', next_attempt_at = :now,"
                            + " delivered_at = null, lease_until = null, lease_token = null"
                            + " where id = :delivery and webhook_id = :webhook")
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setParameter("delivery", deliveryId)
                    .setParameter("webhook", webhookId)
                    .executeUpdate()
                    .flatMap(
                        updated ->
                            updated == 1
                                // The session may hold the row as read before: read it again.
                                ? s.find(WebhookDeliveryEntity.class, deliveryId)
                                    .call(
                                        e -> e == null ? Uni.createFrom().voidItem() : s.refresh(e))
                                    .replaceWith(true)
                                : Uni.createFrom().item(false)));
  }
}
