package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The rows a command appends (its outbox events and its audit entry), gathered while the command
 * runs and written in one statement at the end of its transaction, just before the commit: one
 * round trip instead of one per row. Outside a unit of work (no rows gathered) they are written at
 * once. The SQL of both tables lives here, so the joint statement and the single ones cannot drift
 * apart; its text is one of three fixed variants.
 */
final class PendingAppends {

  private static final String KEY = PendingAppends.class.getName();

  /** Events as one JSON array parameter: one text for any number of events, in their order. */
  private static final String EVENTS =
      "insert into outbox (event_id, aggregate_type, aggregate_id, type, internal, actor_id,"
          + " payload, occurred_at, request_id) select cast(a.e ->> 'event_id' as uuid), 'Ticket',"
          + " cast(a.e ->> 'aggregate_id' as uuid), a.e ->> 'type',"
          + " cast(a.e ->> 'internal' as boolean), cast(a.e ->> 'actor_id' as uuid),"
          + " a.e -> 'payload', cast(a.e ->> 'occurred_at' as timestamptz), a.e ->> 'request_id'"
          + " from jsonb_array_elements(cast(cast(:events as text) as jsonb)) with ordinality"
          + " as a(e, n) order by a.n";

  private static final String AUDIT =
      "insert into audit_log (occurred_at, actor_id, actor_role, action, entity_type, entity_id,"
          + " before, after, client_ip, request_id) values (:occurredAt,"
          + " cast(cast(:actorId as text) as uuid), cast(:actorRole as text), :action, :entityType,"
          + " :entityId, cast(cast(:before as text) as jsonb), cast(cast(:after as text) as jsonb),"
          + " cast(:clientIp as text), cast(:requestId as text))";

  private static final String EVENTS_AND_AUDIT = "with events as (" + EVENTS + ") " + AUDIT;

  /** One outbox row; {@code payload} is the event's JSON, embedded as is. */
  record EventRow(
      @JsonProperty("event_id") UUID eventId,
      @JsonProperty("aggregate_id") UUID aggregateId,
      @JsonProperty("type") String type,
      @JsonProperty("internal") boolean internal,
      @JsonProperty("actor_id") UUID actorId,
      @JsonProperty("payload") @JsonRawValue String payload,
      @JsonProperty("occurred_at") String occurredAt,
      @JsonProperty("request_id") String requestId) {}

  /** One audit row, the states already JSON. */
  record AuditRow(
      OffsetDateTime occurredAt,
      String actorId,
      String actorRole,
      String action,
      String entityType,
      String entityId,
      String before,
      String after,
      String clientIp,
      String requestId) {}

  private final List<EventRow> events = new ArrayList<>();
  private final List<AuditRow> audits = new ArrayList<>();
  private final boolean owner;

  private PendingAppends(boolean owner) {
    this.owner = owner;
  }

  /**
   * Starts gathering for the transaction on this request's context; within one already started,
   * joins it (only the outermost writes).
   */
  static PendingAppends begin() {
    if (!VertxContext.isOnDuplicatedContext()) {
      return new PendingAppends(false);
    }
    Optional<PendingAppends> current = ContextLocals.get(KEY);
    if (current.isPresent()) {
      return new PendingAppends(false);
    }
    PendingAppends pending = new PendingAppends(true);
    ContextLocals.put(KEY, pending);
    return pending;
  }

  /** Writes what was gathered, in one statement; nothing if this is not the outermost. */
  Uni<Void> flush(ObjectMapper json) {
    if (!owner || (events.isEmpty() && audits.isEmpty())) {
      return Uni.createFrom().voidItem();
    }
    List<EventRow> e = List.copyOf(events);
    List<AuditRow> a = List.copyOf(audits);
    events.clear();
    audits.clear();
    return Panache.getSession().flatMap(s -> write(s, json, e, a));
  }

  /** Stops gathering on this context (after a commit or a rollback). */
  void end() {
    if (owner && ContextLocals.<PendingAppends>get(KEY).orElse(null) == this) {
      ContextLocals.remove(KEY);
    }
  }

  /** Gathers the rows if a unit of work is gathering, else writes them now. */
  static Uni<Void> append(ObjectMapper json, List<EventRow> events, List<AuditRow> audits) {
    Optional<PendingAppends> current =
        VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
    if (current.isPresent()) {
      current.get().events.addAll(events);
      current.get().audits.addAll(audits);
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession().flatMap(s -> write(s, json, events, audits));
  }

  private static Uni<Void> write(
      Mutiny.Session s, ObjectMapper json, List<EventRow> events, List<AuditRow> audits) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    int first = 0;
    if (!events.isEmpty() && !audits.isEmpty()) {
      AuditRow audit = audits.get(0);
      chain =
          audit(s.<Object>createNativeQuery(EVENTS_AND_AUDIT), audit)
              .setParameter("events", array(json, events))
              .executeUpdate()
              .replaceWithVoid();
      first = 1;
    } else if (!events.isEmpty()) {
      chain =
          s.<Object>createNativeQuery(EVENTS)
              .setParameter("events", array(json, events))
              .executeUpdate()
              .replaceWithVoid();
    }
    for (AuditRow audit : audits.subList(first, audits.size())) {
      chain =
          chain
              .chain(() -> audit(s.<Object>createNativeQuery(AUDIT), audit).executeUpdate())
              .replaceWithVoid();
    }
    return chain;
  }

  private static Mutiny.Query<Object> audit(Mutiny.Query<Object> q, AuditRow a) {
    return q.setParameter("occurredAt", a.occurredAt())
        .setParameter("actorId", a.actorId())
        .setParameter("actorRole", a.actorRole())
        .setParameter("action", a.action())
        .setParameter("entityType", a.entityType())
        .setParameter("entityId", a.entityId())
        .setParameter("before", a.before())
        .setParameter("after", a.after())
        .setParameter("clientIp", a.clientIp())
        .setParameter("requestId", a.requestId());
  }

  private static String array(ObjectMapper json, List<EventRow> events) {
    try {
      return json.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox rows not serializable", e);
    }
  }
}
