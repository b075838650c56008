package dev.triage.application.webhook;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/** Which webhooks are registered (without their secrets)? */
public record ListWebhooks() implements Query<List<WebhookView>> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
