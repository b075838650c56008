package dev.triage.application.webhook;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.port.WebhookTargets;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks the URL (its shape, then where its host leads) and the event types, mints the signing
 * secret and answers with it, this once. The audit trail records the webhook without its secret.
 */
public final class RegisterWebhookHandler implements Handler<RegisterWebhook, WebhookView> {

  /** Prefix of webhook secrets, so one is recognised for what it is wherever it turns up. */
  public static final String SECRET_PREFIX = "whsec_";

  private final Webhooks webhooks;
  private final WebhookTargets targets;
  private final Clock clock;

  public RegisterWebhookHandler(Webhooks webhooks, WebhookTargets targets, Clock clock) {
    this.webhooks = webhooks;
    this.targets = targets;
    this.clock = clock;
  }

  @Override
  public Uni<Result<WebhookView>> handle(RegisterWebhook command, RequestContext context) {
    Result<URI> url = WebhookUrls.parse("url", command.url());
    if (url instanceof Result.Err<URI> err) {
      return Uni.createFrom().item(err.cast());
    }
    Result<List<String>> events = WebhookEventTypes.parse("events", command.events());
    if (events instanceof Result.Err<List<String>> err) {
      return Uni.createFrom().item(err.cast());
    }
    URI target = url.orElseThrow();
    return targets
        .refusal(target)
        .flatMap(
            refusal -> {
              if (refusal.isPresent()) {
                return Uni.createFrom().item(Result.<WebhookView>invalid("url", refusal.get()));
              }
              return register(command, target, events.orElseThrow(), context);
            });
  }

  private Uni<Result<WebhookView>> register(
      RegisterWebhook command, URI url, List<String> events, RequestContext context) {
    Instant now = clock.instant();
    String secret = Secrets.newSecret(SECRET_PREFIX);
    Webhooks.Stored stored =
        new Webhooks.Stored(
            UUID.randomUUID(),
            url.toString(),
            events,
            command.active() == null || command.active(),
            command.includeInternal() != null && command.includeInternal(),
            secret,
            context.actor().id().value(),
            now,
            now);
    context
        .effects()
        .changed(WebhookView.ENTITY, stored.id().toString(), null, WebhookView.of(stored));
    return webhooks.add(stored).replaceWith(Result.ok(WebhookView.of(stored, Optional.of(secret))));
  }
}
