package dev.triage.application.webhook;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.port.WebhookDeliveries;

/**
 * An admin sends a delivery again (after the receiver is fixed, say): it is due at once, whatever
 * its status, and counts its attempts on from where they were.
 */
public record RedeliverWebhookDelivery(String webhookId, String deliveryId)
    implements Command<WebhookDeliveries.Delivery> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
