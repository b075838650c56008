package dev.triage.application.webhook;

import dev.triage.application.port.Webhooks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook as admins read it: never its secret. {@code secret} is present only in the answer to
 * its registration.
 *
 * @param events the event types it hears of; empty for every type
 */
public record WebhookView(
    UUID id,
    String url,
    List<String> events,
    boolean active,
    boolean includeInternal,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> secret) {

  /** The audited entity type of webhooks (recorded without their secret). */
  public static final String ENTITY = "Webhook";

  public WebhookView {
    events = List.copyOf(events);
  }

  static WebhookView of(Webhooks.Stored w, Optional<String> secret) {
    return new WebhookView(
        w.id(),
        w.url(),
        w.events(),
        w.active(),
        w.includeInternal(),
        w.createdBy(),
        w.createdAt(),
        w.updatedAt(),
        secret);
  }

  /** The view without its secret, as the audit trail and every later read see it. */
  static WebhookView of(Webhooks.Stored w) {
    return of(w, Optional.empty());
  }

  @Override
  public String toString() {
    return "WebhookView[id=" + id + ", url=" + url + "]";
  }
}
