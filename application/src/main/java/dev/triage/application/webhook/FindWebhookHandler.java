package dev.triage.application.webhook;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads one webhook by id; an id that is not a UUID is simply not found. */
public final class FindWebhookHandler implements Handler<FindWebhook, WebhookView> {

  private final Webhooks webhooks;

  public FindWebhookHandler(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public Uni<Result<WebhookView>> handle(FindWebhook query, RequestContext context) {
    return WebhookLookup.find(webhooks, query.webhookId()).map(found -> found.map(WebhookView::of));
  }
}
