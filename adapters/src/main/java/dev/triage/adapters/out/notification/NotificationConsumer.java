package dev.triage.adapters.out.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.relay.RelayConsumer;
import dev.triage.adapters.out.relay.RelayedEvent;
import dev.triage.domain.notification.NotificationPolicy;
import dev.triage.domain.notification.Occurrence;
import dev.triage.domain.notification.Recipient;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * Fills the inboxes from the relay: asks the domain's {@link NotificationPolicy} who hears of each
 * event and inserts one row per recipient in the relay's transaction, in one statement per batch. A
 * repeated event inserts nothing ({@code on conflict (user_id, event_id) do nothing}), so the
 * relay's at-least-once becomes exactly once per inbox.
 *
 * <p>The relay hands over the ticket's assignee as it is now, after every event of the batch; the
 * assignee right after each event is found by walking the ticket's events backwards and undoing
 * each assignment, so a status change made before a reassignment goes to whoever had the ticket
 * then.
 */
@ApplicationScoped
public class NotificationConsumer implements RelayConsumer {

  private static final Logger LOG = Logger.getLogger(NotificationConsumer.class);

  static final String INSERT =
      "insert into notifications (id, user_id, event_id, kind, event_type, internal, ticket_id,"
          + " ticket_number, requester_id, actor_id, occurred_at, created_at)"
          + " select n.id, n.user_id, n.event_id, n.kind, n.event_type, n.internal, n.ticket_id,"
          + " n.ticket_number, n.requester_id, n.actor_id, n.occurred_at, $12"
          + " from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[],"
          + " $6::boolean[], $7::uuid[], $8::text[], $9::uuid[], $10::uuid[], $11::timestamptz[])"
          + " as n(id, user_id, event_id, kind, event_type, internal, ticket_id, ticket_number,"
          + " requester_id, actor_id, occurred_at)"
          + " on conflict (user_id, event_id) do nothing";

  /** One notification to write: who hears of which event, and why. */
  public record Planned(RelayedEvent event, Recipient recipient) {}

  private final ObjectMapper json;
  private final Clock clock;
  private final RandomGenerator random = new SecureRandom();

  public NotificationConsumer(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "notifications";
  }

  @Override
  public Uni<Void> consume(SqlConnection tx, List<RelayedEvent> events) {
    List<Planned> planned = plan(events, json);
    if (planned.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = planned.size();
    UUID[] ids = new UUID[n];
    UUID[] users = new UUID[n];
    UUID[] eventIds = new UUID[n];
    String[] kinds = new String[n];
    String[] types = new String[n];
    Boolean[] internal = new Boolean[n];
    UUID[] tickets = new UUID[n];
    String[] numbers = new String[n];
    UUID[] requesters = new UUID[n];
    UUID[] actors = new UUID[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    for (int i = 0; i < n; i++) {
      RelayedEvent e = planned.get(i).event();
      Recipient r = planned.get(i).recipient();
      ids[i] = Uuids.v7(now.toInstant(), random);
      users[i] = r.userId().value();
      eventIds[i] = e.eventId();
      kinds[i] = r.kind().name();
      types[i] = e.type();
      internal[i] = e.internal();
      tickets[i] = e.ticketId();
      numbers[i] = e.ticketNumber();
      requesters[i] = e.requesterId();
      actors[i] = e.actorId();
      occurred[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
    }
    Tuple values =
        Tuple.from(
            Arrays.<Object>asList(
                ids,
                users,
                eventIds,
                kinds,
                types,
                internal,
                tickets,
                numbers,
                requesters,
                actors,
                occurred,
                now));
    return tx.preparedQuery(INSERT).execute(values).replaceWithVoid();
  }

  /**
   * Who hears of each event of {@code events} (the relay's batch, in recording order within each
   * ticket), in that order.
   */
  public static List<Planned> plan(List<RelayedEvent> events, ObjectMapper json) {
    List<Optional<UserId>> assigneeAfter = assigneesAfter(events, json);
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      RelayedEvent e = events.get(i);
      if (e.requesterId() == null) {
        continue;
      }
      Assignment assignment = Assignment.of(e, json);
      Occurrence occurrence =
          new Occurrence(
              e.type(),
              e.internal(),
              UserId.of(e.actorId()),
              UserId.of(e.requesterId()),
              assigneeAfter.get(i),
              assignment.assigned(),
              assignment.previous(),
              users(e.ccIds()),
              users(e.followerIds()));
      for (Recipient r : NotificationPolicy.recipients(occurrence)) {
        planned.add(new Planned(e, r));
      }
    }
    return planned;
  }

  private static java.util.Set<UserId> users(java.util.Set<UUID> ids) {
    return ids.stream().map(UserId::of).collect(java.util.stream.Collectors.toSet());
  }

  /** The assignee of each event's ticket right after that event. */
  private static List<Optional<UserId>> assigneesAfter(
      List<RelayedEvent> events, ObjectMapper json) {
    List<Optional<UserId>> after = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      after.add(Optional.empty());
    }
    Map<UUID, Optional<UserId>> current = new HashMap<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      RelayedEvent e = events.get(i);
      Optional<UserId> now =
          current.computeIfAbsent(e.ticketId(), t -> e.assigneeId().map(UserId::of));
      after.set(i, now);
      switch (e.type()) {
        case "TicketAssigned", "TicketUnassigned" ->
            current.put(e.ticketId(), Assignment.of(e, json).previous());
        default -> {}
      }
    }
    return after;
  }

  /**
   * The assignee fields of an assignment event as recorded: the event's JSON ({@code
   * TicketEvent.TicketAssigned}: {@code "assigneeId":{"value":"<uuid>"}}, {@code "previous":
   * {"value":"<uuid>"}} or null; {@code TicketUnassigned}: {@code "previous":{"value":"<uuid>"}}).
   * A bare UUID string is read too; anything unreadable counts as absent.
   */
  record Assignment(Optional<UserId> assigned, Optional<UserId> previous) {

    private static final Assignment NONE = new Assignment(Optional.empty(), Optional.empty());

    static Assignment of(RelayedEvent e, ObjectMapper json) {
      if (!e.type().equals("TicketAssigned") && !e.type().equals("TicketUnassigned")) {
        return NONE;
      }
      JsonNode data;
      try {
        data = json.readTree(e.data());
      } catch (JsonProcessingException bad) {
        LOG.warnf("Unreadable data of event %s (%s): no assignee read", e.eventId(), e.type());
        return NONE;
      }
      Optional<UserId> previous = user(data.path("previous"));
      return e.type().equals("TicketAssigned")
          ? new Assignment(user(data.path("assigneeId")), previous)
          : new Assignment(Optional.empty(), previous);
    }

    private static Optional<UserId> user(JsonNode node) {
      JsonNode value = node.isObject() ? node.path("value") : node;
      return value.isTextual() ? Uuids.parse(value.asText()).map(UserId::of) : Optional.empty();
    }
  }
}
