package dev.triage.application.webhook;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Deletes a webhook by id, recording what it was. */
public final class DeleteWebhookHandler implements Handler<DeleteWebhook, Boolean> {

  private final Webhooks webhooks;

  public DeleteWebhookHandler(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public Uni<Result<Boolean>> handle(DeleteWebhook command, RequestContext context) {
    return Results.then(
        WebhookLookup.find(webhooks, command.webhookId()),
        found -> {
          context
              .effects()
              .changed(WebhookView.ENTITY, found.id().toString(), WebhookView.of(found), null);
          return webhooks
              .delete(found.id())
              .map(
                  deleted ->
                      deleted
                          ? Result.ok(true)
                          : Result.<Boolean>err(ErrorCode.NOT_FOUND, WebhookLookup.NOT_FOUND));
        });
  }
}
