package dev.triage.adapters.in.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triage.application.port.WebhookDeliveries;
import dev.triage.application.webhook.WebhookUrls;
import dev.triage.application.webhook.WebhookView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the webhook endpoints (field names are part of the contract). */
final class WebhookBodies {

  private WebhookBodies() {}

  @Schema(name = "RegisterWebhook")
  record RegisterWebhookRequest(
      @Schema(
              required = true,
              maxLength = WebhookUrls.MAX_LENGTH,
              examples = "https://hooks.example.com/triage",
              description =
                  "Absolute http or https URL without user info; its host must not resolve to a"
                      + " loopback, private or link-local address")
          String url,
      @Schema(
              description = "Event type names to send; absent or empty for every type",
              examples = "[\"TicketCreated\", \"TicketAssigned\"]")
          List<String> events,
      @Schema(description = "Whether events are sent (default true)") Boolean active,
      @Schema(
              description =
                  "Whether staff-only events (internal notes, SLA warnings and breaches, ...) are"
                      + " sent too (default false)")
          Boolean includeInternal) {}

  @Schema(name = "UpdateWebhook", description = "Every field may be left out (it stays as it is).")
  record UpdateWebhookRequest(
      @Schema(maxLength = WebhookUrls.MAX_LENGTH) String url,
      @Schema(description = "Replaces the list; empty for every type") List<String> events,
      Boolean active,
      Boolean includeInternal) {}

  @Schema(name = "Webhook")
  record WebhookResponse(
      UUID id,
      String url,
      @Schema(description = "Event types sent; empty means every type") List<String> events,
      boolean active,
      boolean includeInternal,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description =
                  "The signing secret: only in the answer to the registration, never shown again",
              examples = "whsec_3q2-7wEkAVZ3K0f1Qv3bVYc8pX9n0cJm5mH1uQG6kVI")
          String secret) {
    static WebhookResponse of(WebhookView v) {
      return new WebhookResponse(
          v.id(),
          v.url(),
          v.events(),
          v.active(),
          v.includeInternal(),
          v.createdBy(),
          v.createdAt(),
          v.updatedAt(),
          v.secret().orElse(null));
    }

    @Override
    public String toString() {
      return "WebhookResponse[id=" + id + ", url=" + url + "]";
    }
  }

  @Schema(name = "WebhookDelivery")
  record DeliveryResponse(
      UUID id,
      UUID eventId,
      String eventType,
      @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"}) String status,
      int attempts,
      @Schema(type = SchemaType.INTEGER, nullable = true) Integer lastResponseCode,
      @Schema(nullable = true) String lastError,
      @Schema(nullable = true, description = "When the next attempt is due (PENDING only)")
          Instant nextAttemptAt,
      @Schema(nullable = true) Instant deliveredAt,
      Instant createdAt) {
    static DeliveryResponse of(WebhookDeliveries.Delivery d) {
      return new DeliveryResponse(
          d.id(),
          d.eventId(),
          d.eventType(),
          d.status().name(),
          d.attempts(),
          d.lastResponseCode().orElse(null),
          d.lastError().orElse(null),
          d.nextAttemptAt().orElse(null),
          d.deliveredAt().orElse(null),
          d.createdAt());
    }
  }

  @Schema(name = "WebhookDeliveryPage")
  record DeliveryPage(List<DeliveryResponse> items, String nextCursor) {}
}
