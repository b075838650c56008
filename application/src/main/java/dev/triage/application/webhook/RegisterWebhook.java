package dev.triage.application.webhook;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An admin registers an endpoint for ticket events.
 *
 * @param events event type names; absent or empty for every type
 * @param active absent for true
 * @param includeInternal absent for false: staff-only events reach only webhooks that ask
 */
public record RegisterWebhook(
    String url,
    @Size(max = RegisterWebhook.MAX_EVENT_TYPES, message = "at most {max} event types")
        List<String> events,
    Boolean active,
    Boolean includeInternal)
    implements Command<WebhookView> {

  /** The most event types one webhook may name. */
  public static final int MAX_EVENT_TYPES = 32;

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
