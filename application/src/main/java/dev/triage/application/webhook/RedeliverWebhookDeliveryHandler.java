package dev.triage.application.webhook;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.WebhookDeliveries;
import dev.triage.application.port.WebhookDeliveries.Delivery;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Puts a delivery back in the queue, due now, and answers with it as it now stands. */
public final class RedeliverWebhookDeliveryHandler
    implements Handler<RedeliverWebhookDelivery, Delivery> {

  /** The audited entity type of webhook deliveries. */
  public static final String ENTITY = "WebhookDelivery";

  static final String NOT_FOUND = "No such delivery of this webhook.";

  private final WebhookDeliveries deliveries;
  private final Clock clock;

  public RedeliverWebhookDeliveryHandler(WebhookDeliveries deliveries, Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Delivery>> handle(RedeliverWebhookDelivery command, RequestContext context) {
    Optional<UUID> webhook = Uuids.parse(command.webhookId());
    Optional<UUID> delivery = Uuids.parse(command.deliveryId());
    if (webhook.isEmpty() || delivery.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    Instant now = clock.instant();
    return deliveries
        .byId(webhook.get(), delivery.get())
        .flatMap(
            before -> {
              if (before.isEmpty()) {
                return Uni.createFrom().item(Result.<Delivery>err(ErrorCode.NOT_FOUND, NOT_FOUND));
              }
              return deliveries
                  .redeliver(webhook.get(), delivery.get(), now)
                  .chain(() -> deliveries.byId(webhook.get(), delivery.get()))
                  .map(
                      after -> {
                        if (after.isEmpty()) {
                          return Result.<Delivery>err(ErrorCode.NOT_FOUND, NOT_FOUND);
                        }
                        context
                            .effects()
                            .changed(ENTITY, delivery.get().toString(), before.get(), after.get());
                        return Result.ok(after.get());
                      });
            });
  }
}
