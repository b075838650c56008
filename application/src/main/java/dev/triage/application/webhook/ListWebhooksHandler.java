package dev.triage.application.webhook;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Lists every webhook, newest first, secrets never included. */
public final class ListWebhooksHandler implements Handler<ListWebhooks, List<WebhookView>> {

  private final Webhooks webhooks;

  public ListWebhooksHandler(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public Uni<Result<List<WebhookView>>> handle(ListWebhooks query, RequestContext context) {
    return webhooks.all().map(all -> Result.ok(all.stream().map(WebhookView::of).toList()));
  }
}
