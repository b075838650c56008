package dev.triage.application.webhook;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An admin changes a webhook; every field left out ({@code null}) stays as it is. {@code events}
 * replaces the list (empty for every type).
 */
public record UpdateWebhook(
    String webhookId,
    String url,
    @Size(max = RegisterWebhook.MAX_EVENT_TYPES, message = "at most {max} event types")
        List<String> events,
    Boolean active,
    Boolean includeInternal)
    implements Command<WebhookView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
