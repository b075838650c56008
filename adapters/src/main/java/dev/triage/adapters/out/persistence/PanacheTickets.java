package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Tickets;
import dev.triage.application.sla.TicketSlaState;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Tickets stored in PostgreSQL through Hibernate Reactive: the ticket is its row, comments live in
 * their own table and are never loaded with it. A change is applied, not diffed: the comment it
 * wrote is inserted (or, redacted, updated) and the ticket row updated under its version, so the
 * cost of a command does not depend on how many comments the ticket has. Every write also stores
 * the due dates of the running SLA clocks, for the read side's filters.
 */
@ApplicationScoped
public class PanacheTickets implements Tickets {

  static final String NEXT_NUMBER = "select nextval('ticket_number_seq')";

  /**
   * Open tickets by id, after a keyset, through the primary key: each batch resumes after the last
   * id, so a whole re-apply reads the key once.
   */
  static final String OPEN_AFTER =
      "select id from tickets where status in ('OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER')"
          + " and id > :after order by id limit :limit";

  private static final UUID NO_ID = new UUID(0, 0);

  /**
   * Every ticket with tag {@code :from} (V22's partial GIN index) gets {@code :to} in its place,
   * kept once and where the first of the two stood.
   */
  static final String RENAME_TAG =
      "update tickets set version = version + 1, tags = array(select t from (select t,"
          + " min(o) as o from unnest(array_replace(tags, cast(:from as text), cast(:to as text)))"
          + " with ordinality as u(t, o) group by t) k order by o)"
          + " where cardinality(tags) > 0 and tags @> array[cast(:from as text)]";

  /** Writes a ticket's custom field values (V24). */
  static final String WRITE_FIELDS =
      "update tickets set fields = cast(cast(:fields as text) as jsonb) where id = :id";

  private final Pool pool;

  public PanacheTickets(Pool pool) {
    this.pool = pool;
  }

  /**
   * From the pool, not the session: a sequence ignores transactions anyway, and a native select on
   * the session is planned anew on every call (its result mapping differs per call, so Hibernate's
   * query plan cache keeps growing one bucket).
   */
  @Override
  public Uni<Long> nextNumber() {
    return pool.preparedQuery(NEXT_NUMBER).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  @Override
  public Uni<Void> add(Ticket ticket, TicketSlaState state, SlaStatus sla) {
    // One row with the command's events and audit entry, in one statement (ADR 11); custom
    // field values travel in the row.
    return PendingAppends.insert(TicketEntity.fromDomain(ticket, state, sla));
  }

  /** Writes the ticket's custom field values (a command that changed them). */
  private static Uni<Void> writeFields(Mutiny.Session s, Ticket ticket) {
    return s.createNativeQuery(WRITE_FIELDS)
        .setParameter("fields", FieldValuesJson.write(ticket.fields().values()))
        .setParameter("id", ticket.id().value())
        .executeUpdate()
        .replaceWithVoid();
  }

  /** The ticket of a loaded row (its custom field values come with it). */
  private static Uni<Optional<Ticket>> loaded(TicketEntity row) {
    return Uni.createFrom().item(row == null ? Optional.empty() : load(row));
  }

  @Override
  public Uni<Optional<Ticket>> byIdForUpdate(TicketId id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.find(TicketEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE)
                    .flatMap(PanacheTickets::loaded));
  }

  @Override
  public Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number) {
    return TicketEntity.<TicketEntity>find("number", number.value())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .flatMap(PanacheTickets::loaded);
  }

  /** {@code for update skip locked}: a row another transaction holds reads as missing. */
  @Override
  public Uni<Optional<Ticket>> byIdForUpdateSkipLocked(TicketId id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.find(TicketEntity.class, id.value(), LockMode.UPGRADE_SKIPLOCKED)
                    .flatMap(PanacheTickets::loaded));
  }

  @Override
  public Uni<Optional<Comment>> comment(TicketId ticket, CommentId id) {
    return Panache.getSession()
        .flatMap(s -> s.find(CommentEntity.class, id.value()))
        .map(
            row ->
                Optional.ofNullable(row)
                    .filter(r -> r.ticketId.equals(ticket.value()))
                    .map(CommentEntity::toDomain));
  }

  @Override
  public Uni<Boolean> update(
      Ticket before, TicketChange change, TicketSlaState state, SlaStatus sla) {
    Ticket after = change.ticket();
    return Panache.getSession()
        .flatMap(
            s ->
                // Loaded (and locked) by byIdForUpdate in this session: no second read.
                s.find(TicketEntity.class, after.id().value())
                    .flatMap(
                        row -> {
                          // The version check guards callers that did not lock the row.
                          if (row == null || row.version != before.version()) {
                            return Uni.createFrom().item(false);
                          }
                          row.copy(after, state, sla);
                          Uni<Void> comment =
                              change
                                  .comment()
                                  .map(c -> write(s, after.id(), c))
                                  .orElseGet(() -> Uni.createFrom().voidItem());
                          Uni<Void> fields =
                              after.fields().equals(before.fields())
                                  ? Uni.createFrom().voidItem()
                                  : writeFields(s, after);
                          return comment.chain(s::flush).chain(() -> fields).replaceWith(true);
                        }));
  }

  @Override
  public Uni<List<TicketId>> openAfter(Optional<TicketId> after, int limit) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(OPEN_AFTER, UUID.class)
                    .setParameter("after", after.map(TicketId::value).orElse(NO_ID))
                    .setParameter("limit", limit)
                    .getResultList())
        .map(ids -> ids.stream().map(TicketId::new).toList());
  }

  @Override
  public Uni<Void> release() {
    return Panache.getSession().flatMap(s -> s.flush().invoke(s::clear));
  }

  @Override
  public Uni<Integer> renameTag(String from, String to) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(RENAME_TAG)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .executeUpdate());
  }

  @Override
  public Uni<TicketSlaState> slaState(TicketId id) {
    return Panache.getSession()
        .flatMap(
            s ->
                // Loaded (and locked) in this session: no second read.
                s.find(TicketEntity.class, id.value()))
        .map(
            row -> {
              if (row == null) {
                throw new IllegalStateException("ticket " + id + " is not loaded");
              }
              return row.slaState();
            });
  }

  @Override
  public Uni<Void> scheduleAlarm(TicketId id, Optional<Instant> at) {
    return Panache.getSession()
        .flatMap(
            s ->
                // Loaded (and locked) by byIdForUpdateSkipLocked in this session.
                s.find(TicketEntity.class, id.value())
                    .flatMap(
                        row -> {
                          if (row == null) {
                            return Uni.createFrom().voidItem();
                          }
                          row.nextSlaAlarmAt = at.orElse(null);
                          return s.flush();
                        }));
  }

  /** A new comment is inserted; a redacted one, loaded by {@link #comment}, updated in place. */
  private static Uni<Void> write(
      org.hibernate.reactive.mutiny.Mutiny.Session s, TicketId ticket, Comment c) {
    if (!c.isRedacted()) {
      return s.persist(CommentEntity.fromDomain(ticket.value(), c));
    }
    return s.find(CommentEntity.class, c.id().value()).invoke(e -> e.copy(c)).replaceWithVoid();
  }

  private static Optional<Ticket> load(TicketEntity entity) {
    return Optional.ofNullable(entity).map(TicketEntity::toDomain);
  }
}
