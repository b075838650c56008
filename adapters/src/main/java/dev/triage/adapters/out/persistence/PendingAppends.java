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
 * once. A new ticket's row joins them (ADR 11). The SQL of the three tables lives here, so the
 * joint statement and the single ones cannot drift apart; its text is one of seven fixed variants.
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

  /**
   * New tickets as one JSON array of rows ({@link TicketEntity#insertRows}): the columns an entity
   * holds, each under its column name, turned into rows by the database.
   */
  private static final String TICKETS =
      "insert into tickets ("
          + TicketEntity.INSERT_COLUMNS
          + ") select "
          + TicketEntity.INSERT_COLUMNS
          + " from jsonb_populate_recordset(null::tickets, cast(cast(:tickets as text) as jsonb))";

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

  private final List<TicketEntity> tickets = new ArrayList<>();
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
    if (!owner || (tickets.isEmpty() && events.isEmpty() && audits.isEmpty())) {
      return Uni.createFrom().voidItem();
    }
    List<TicketEntity> t = List.copyOf(tickets);
    List<EventRow> e = List.copyOf(events);
    List<AuditRow> a = List.copyOf(audits);
    tickets.clear();
    events.clear();
    audits.clear();
    return Panache.getSession().flatMap(s -> write(s, json, t, e, a));
  }

  /** Stops gathering on this context (after a commit or a rollback). */
  void end() {
    if (owner && ContextLocals.<PendingAppends>get(KEY).orElse(null) == this) {
      ContextLocals.remove(KEY);
    }
  }

  /** Gathers the rows if a unit of work is gathering, else writes them now. */
  static Uni<Void> append(ObjectMapper json, List<EventRow> events, List<AuditRow> audits) {
    Optional<PendingAppends> current = current();
    if (current.isPresent()) {
      current.get().events.addAll(events);
      current.get().audits.addAll(audits);
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession().flatMap(s -> write(s, json, List.of(), events, audits));
  }

  /**
   * Inserts a new ticket's row with the command's other rows if a unit of work is gathering, else
   * now. Nothing in the command that opens a ticket reads the row back or refers to it before the
   * commit (a comment on a ticket is a later command), so it may wait for the joint statement.
   */
  static Uni<Void> insert(TicketEntity ticket) {
    Optional<PendingAppends> current = current();
    if (current.isPresent()) {
      current.get().tickets.add(ticket);
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession().flatMap(s -> write(s, null, List.of(ticket), List.of(), List.of()));
  }

  private static Optional<PendingAppends> current() {
    return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
  }

  /**
   * One statement for the new tickets, the events and the first audit entry, each part a
   * data-modifying {@code with} clause of the last (a fixed text per combination of parts present);
   * further audit entries one statement each.
   */
  private static Uni<Void> write(
      Mutiny.Session s,
      ObjectMapper json,
      List<TicketEntity> tickets,
      List<EventRow> events,
      List<AuditRow> audits) {
    List<String> parts = new ArrayList<>();
    if (!tickets.isEmpty()) {
      parts.add(TICKETS);
    }
    if (!events.isEmpty()) {
      parts.add(EVENTS);
    }
    if (!audits.isEmpty()) {
      parts.add(AUDIT);
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    if (!parts.isEmpty()) {
      StringBuilder sql = new StringBuilder();
      for (int i = 0; i < parts.size() - 1; i++) {
        sql.append(i == 0 ? "with " : ", ").append('p').append(i).append(" as (");
        sql.append(parts.get(i)).append(") ");
      }
      sql.append(parts.getLast());
      Mutiny.Query<Object> q = s.createNativeQuery(sql.toString());
      if (!tickets.isEmpty()) {
        q = q.setParameter("tickets", TicketEntity.insertRows(tickets));
      }
      if (!events.isEmpty()) {
        q = q.setParameter("events", array(json, events));
      }
      if (!audits.isEmpty()) {
        q = audit(q, audits.getFirst());
      }
      chain = q.executeUpdate().replaceWithVoid();
    }
    for (AuditRow audit : audits.subList(Math.min(1, audits.size()), audits.size())) {
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
