package dev.triage.adapters.out.relay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * Something that acts on every committed outbox event (the notification inbox, the webhook
 * deliveries). It runs inside the relay's transaction on {@code tx}, before the events are marked
 * published: what it writes commits together with the publication or not at all. It must be
 * idempotent by {@link RelayedEvent#eventId()}: after a failed relay the same events come again.
 */
public interface RelayConsumer {

  /** A short name for logs and metrics. */
  String name();

  /** Acts on {@code events}, in recording order within each ticket. */
  Uni<Void> consume(SqlConnection tx, List<RelayedEvent> events);
}
