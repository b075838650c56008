package dev.triage.application.webhook;

import dev.triage.application.Page;
import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.WebhookDeliveries;
import dev.triage.application.port.WebhookDeliveries.Delivery;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one page of a webhook's delivery log: one delivery more than the limit tells whether
 * another page follows, and the last one's position starts the next page.
 */
public final class ListWebhookDeliveriesHandler
    implements Handler<ListWebhookDeliveries, Page<Delivery>> {

  private final Webhooks webhooks;
  private final WebhookDeliveries deliveries;

  public ListWebhookDeliveriesHandler(Webhooks webhooks, WebhookDeliveries deliveries) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
  }

  @Override
  public Uni<Result<Page<Delivery>>> handle(ListWebhookDeliveries query, RequestContext context) {
    Optional<WebhookDeliveries.Position> after = Optional.empty();
    if (query.after().isPresent()) {
      after = position(query.after().get());
      if (after.isEmpty()) {
        return Uni.createFrom()
            .item(Result.err(ErrorCode.MALFORMED_REQUEST, "The cursor is not valid."));
      }
    }
    Optional<WebhookDeliveries.Position> start = after;
    return Results.then(
        WebhookLookup.find(webhooks, query.webhookId()),
        found ->
            deliveries
                .page(found.id(), start, query.limit() + 1)
                .map(
                    rows ->
                        Result.ok(
                            Page.of(rows, query.limit(), ListWebhookDeliveriesHandler::position))));
  }

  /** The position of a delivery as text: its creation time and id. */
  static String position(Delivery delivery) {
    return delivery.createdAt() + "|" + delivery.id();
  }

  static Optional<WebhookDeliveries.Position> position(String text) {
    int bar = text.lastIndexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    Optional<UUID> id = Uuids.parse(text.substring(bar + 1));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WebhookDeliveries.Position(Instant.parse(text.substring(0, bar)), id.get()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
