package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registered webhooks. The signing secret is kept as is (a receiver's check needs the same
 * key), and never leaves this port except to the sender and the answer to a registration.
 */
public interface Webhooks {

  Uni<Void> add(Stored webhook);

  Uni<Optional<Stored>> byId(UUID id);

  /** Every webhook, newest first. */
  Uni<List<Stored>> all();

  /** Replaces the registration's url, events, active flag, internal flag and update time. */
  Uni<Void> update(Stored webhook);

  /** Deletes the webhook and its delivery log; false when there is no such webhook. */
  Uni<Boolean> delete(UUID id);

  /**
   * One registration.
   *
   * @param events the event types it hears of; empty for every type
   * @param includeInternal whether staff-only events reach it too
   */
  record Stored(
      UUID id,
      String url,
      List<String> events,
      boolean active,
      boolean includeInternal,
      String secret,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt) {

    public Stored {
      events = List.copyOf(events);
    }

    @Override
    public String toString() {
      return "Webhook[id=" + id + ", url=" + url + "]";
    }
  }
}
