package dev.triage.application.webhook;

import dev.triage.application.Page;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import dev.triage.application.port.WebhookDeliveries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * What became of the events sent to this webhook? Its deliveries newest first: status, attempts,
 * last response, next attempt.
 *
 * @param after the position after which the page starts, from the previous page's {@code next}
 */
public record ListWebhookDeliveries(
    String webhookId,
    Optional<String> after,
    @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100")
        int limit)
    implements Query<Page<WebhookDeliveries.Delivery>> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
