package dev.triage.application.webhook;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.WebhookTargets;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Applies the fields given; a new URL passes the same checks as at registration. Deliveries already
 * queued keep the body they were queued with; the new filter applies to later events.
 */
public final class UpdateWebhookHandler implements Handler<UpdateWebhook, WebhookView> {

  private final Webhooks webhooks;
  private final WebhookTargets targets;
  private final Clock clock;

  public UpdateWebhookHandler(Webhooks webhooks, WebhookTargets targets, Clock clock) {
    this.webhooks = webhooks;
    this.targets = targets;
    this.clock = clock;
  }

  @Override
  public Uni<Result<WebhookView>> handle(UpdateWebhook command, RequestContext context) {
    Optional<URI> url = Optional.empty();
    if (command.url() != null) {
      Result<URI> parsed = WebhookUrls.parse("url", command.url());
      if (parsed instanceof Result.Err<URI> err) {
        return Uni.createFrom().item(err.cast());
      }
      url = Optional.of(parsed.orElseThrow());
    }
    Optional<List<String>> events = Optional.empty();
    if (command.events() != null) {
      Result<List<String>> parsed = WebhookEventTypes.parse("events", command.events());
      if (parsed instanceof Result.Err<List<String>> err) {
        return Uni.createFrom().item(err.cast());
      }
      events = Optional.of(parsed.orElseThrow());
    }
    Optional<URI> newUrl = url;
    Optional<List<String>> newEvents = events;
    Uni<Optional<String>> refusal =
        newUrl.isPresent()
            ? targets.refusal(newUrl.get())
            : Uni.createFrom().item(Optional.empty());
    return refusal.flatMap(
        refused -> {
          if (refused.isPresent()) {
            return Uni.createFrom().item(Result.<WebhookView>invalid("url", refused.get()));
          }
          return Results.then(
              WebhookLookup.find(webhooks, command.webhookId()),
              before -> update(before, command, newUrl, newEvents, context));
        });
  }

  private Uni<Result<WebhookView>> update(
      Webhooks.Stored before,
      UpdateWebhook command,
      Optional<URI> url,
      Optional<List<String>> events,
      RequestContext context) {
    Webhooks.Stored after =
        new Webhooks.Stored(
            before.id(),
            url.map(URI::toString).orElse(before.url()),
            events.orElse(before.events()),
            command.active() == null ? before.active() : command.active(),
            command.includeInternal() == null
                ? before.includeInternal()
                : command.includeInternal(),
            before.secret(),
            before.createdBy(),
            before.createdAt(),
            clock.instant());
    context
        .effects()
        .changed(
            WebhookView.ENTITY,
            before.id().toString(),
            WebhookView.of(before),
            WebhookView.of(after));
    return webhooks.update(after).replaceWith(Result.ok(WebhookView.of(after)));
  }
}
