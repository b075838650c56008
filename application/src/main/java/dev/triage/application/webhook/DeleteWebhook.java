package dev.triage.application.webhook;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** An admin removes a webhook: nothing more is sent to it, and its delivery log goes with it. */
public record DeleteWebhook(String webhookId) implements Command<Boolean> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
