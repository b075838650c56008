package dev.triage.application.webhook;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What is this webhook's registration (without its secret)? */
public record FindWebhook(String webhookId) implements Query<WebhookView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
