package dev.triage.adapters.out.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.adapters.out.relay.RelayConsumer;
import dev.triage.adapters.out.relay.RelayedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Queues a delivery for each published event and each active webhook that hears of it (its event
 * types, and staff-only events only where it asked for them), in the relay's transaction. The body
 * is fixed here, with the ticket as it is now, so every attempt sends the same bytes. One delivery
 * per (webhook, event): an event the relay hands over again adds nothing. A webhook hears of events
 * that happen after its registration, not of older ones still waiting in the outbox.
 */
@ApplicationScoped
public class WebhookConsumer implements RelayConsumer {

  static final String ACTIVE_WEBHOOKS =
      "select id, events, include_internal, created_at from webhooks where active";

  static final String TICKETS =
      "select id, number, title, status, priority, category, tags, requester_id, assignee_id,"
          + " created_at, updated_at, cc_ids from tickets where id = any($1)";

  static final String QUEUE =
      "insert into webhook_deliveries"
          + " (id, webhook_id, event_id, event_type, body, status, attempts, next_attempt_at,"
          + " created_at)"
          + " select d.id, d.webhook_id, d.event_id, d.event_type, d.body, 'PENDING', 0, $6, $6"
          + " from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])"
          + " as d(id, webhook_id, event_id, event_type, body)"
          + " on conflict (webhook_id, event_id) do nothing";

  private final ObjectMapper json;
  private final Clock clock;

  public WebhookConsumer(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "webhooks";
  }

  /** One active registration, as far as choosing events goes. */
  record Listener(UUID id, Set<String> events, boolean includeInternal, Instant createdAt) {
    boolean hears(RelayedEvent event) {
      return (events.isEmpty() || events.contains(event.type()))
          && (includeInternal || !event.internal())
          && !event.occurredAt().isBefore(createdAt);
    }
  }

  @Override
  public Uni<Void> consume(SqlConnection tx, List<RelayedEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tx.query(ACTIVE_WEBHOOKS)
        .execute()
        .map(WebhookConsumer::listeners)
        .flatMap(
            listeners -> {
              if (listeners.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              Set<UUID> tickets = new LinkedHashSet<>();
              events.forEach(e -> tickets.add(e.ticketId()));
              return tx.preparedQuery(TICKETS)
                  .execute(Tuple.of(tickets.toArray(UUID[]::new)))
                  .flatMap(rows -> queue(tx, events, listeners, ticketsById(rows)));
            });
  }

  private Uni<Void> queue(
      SqlConnection tx,
      List<RelayedEvent> events,
      List<Listener> listeners,
      Map<UUID, ObjectNode> tickets) {
    List<UUID> ids = new ArrayList<>();
    List<UUID> webhooks = new ArrayList<>();
    List<UUID> eventIds = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (RelayedEvent event : events) {
      String body = null;
      for (Listener listener : listeners) {
        if (!listener.hears(event)) {
          continue;
        }
        if (body == null) {
          body = body(event, tickets.get(event.ticketId()));
        }
        ids.add(UUID.randomUUID());
        webhooks.add(listener.id());
        eventIds.add(event.eventId());
        types.add(event.type());
        bodies.add(body);
      }
    }
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return tx.preparedQuery(QUEUE)
        .execute(
            Tuple.of(
                ids.toArray(UUID[]::new),
                webhooks.toArray(UUID[]::new),
                eventIds.toArray(UUID[]::new),
                types.toArray(String[]::new),
                bodies.toArray(String[]::new),
                now))
        .replaceWithVoid();
  }

  /** {@code {"id", "type", "occurredAt", "ticket", "data"}}: what every attempt sends. */
  String body(RelayedEvent event, ObjectNode ticket) {
    ObjectNode root = json.createObjectNode();
    root.put("id", event.eventId().toString());
    root.put("type", event.type());
    root.put("occurredAt", event.occurredAt().toString());
    if (ticket == null) {
      root.putNull("ticket");
    } else {
      root.set("ticket", ticket);
    }
    try {
      root.set("data", json.readTree(event.data()));
      return json.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data is not JSON: " + event.eventId(), e);
    }
  }

  private static List<Listener> listeners(RowSet<Row> rows) {
    List<Listener> listeners = new ArrayList<>();
    for (Row r : rows) {
      String[] events = r.getArrayOfStrings(1);
      listeners.add(
          new Listener(
              r.getUUID(0),
              events == null ? Set.of() : Set.of(events),
              r.getBoolean(2),
              r.getOffsetDateTime(3).toInstant()));
    }
    return listeners;
  }

  /** The ticket as a receiver may see it: no description, comments or internal fields. */
  private Map<UUID, ObjectNode> ticketsById(RowSet<Row> rows) {
    Map<UUID, ObjectNode> tickets = new HashMap<>();
    for (Row r : rows) {
      ObjectNode t = json.createObjectNode();
      t.put("id", r.getUUID(0).toString());
      t.put("number", r.getString(1));
      t.put("title", r.getString(2));
      t.put("status", r.getString(3));
      t.put("priority", r.getString(4));
      t.put("category", r.getString(5));
      ArrayNode tags = t.putArray("tags");
      String[] values = r.getArrayOfStrings(6);
      if (values != null) {
        for (String tag : values) {
          tags.add(tag);
        }
      }
      t.put("requesterId", r.getUUID(7).toString());
      UUID assignee = r.getUUID(8);
      t.put("assigneeId", assignee == null ? null : assignee.toString());
      t.put("createdAt", r.getOffsetDateTime(9).toInstant().toString());
      t.put("updatedAt", r.getOffsetDateTime(10).toInstant().toString());
      ArrayNode ccs = t.putArray("ccIds");
      UUID[] ccIds = r.getArrayOfUUIDs(11);
      if (ccIds != null) {
        for (UUID cc : ccIds) {
          ccs.add(cc.toString());
        }
      }
      tickets.put(r.getUUID(0), t);
    }
    return tickets;
  }
}
