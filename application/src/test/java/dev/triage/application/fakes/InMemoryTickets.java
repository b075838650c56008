package dev.triage.application.fakes;

import dev.triage.application.dashboard.DashboardFigures;
import dev.triage.application.port.SweepCandidates;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.TicketSlaState;
import dev.triage.application.tag.TagCount;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.StoredTicket;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.TicketCriteria;
import dev.triage.application.ticket.timeline.TimelineEntry;
import dev.triage.domain.escalation.SlaAlarmPolicy;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The tickets and comments tables in memory, seen through the write port, the read port and the
 * sweeps' candidate queries, as the PostgreSQL adapters see the same tables. It keeps the rules
 * handlers rely on: numbers come from a sequence that starts at 1 and never repeats; an id or
 * number stored twice fails like a unique index; {@link #update} writes nothing and answers false
 * when the stored ticket is no longer at the version the change was made from; reads answer what
 * was stored. Rows are not locked (the version check still catches a lost update), and nothing is
 * rolled back: a test that needs a transaction's undo checks that nothing was written instead.
 */
public final class InMemoryTickets implements Tickets, TicketQueries, SweepCandidates {

  private record StoredComment(TicketId ticket, Comment comment) {}

  private final Map<TicketId, Ticket> rows = new LinkedHashMap<>();
  private final Map<TicketId, SlaStatus> clocks = new LinkedHashMap<>();
  private final Map<TicketId, TicketSlaState> states = new LinkedHashMap<>();
  private final Map<TicketId, Instant> nextAlarms = new LinkedHashMap<>();
  private final Map<CommentId, StoredComment> comments = new LinkedHashMap<>();
  private final Set<TicketId> heldElsewhere = new HashSet<>();
  private final Set<TicketId> failing = new HashSet<>();
  private final Deque<Runnable> interleaved = new ArrayDeque<>();
  private long sequence;
  private int updates;

  // ---------------------------------------------------------------- set-up and inspection

  /** The ticket as stored now. */
  public Optional<Ticket> stored(TicketId id) {
    return Optional.ofNullable(rows.get(id));
  }

  /** Every stored ticket, in the order they were added. */
  public List<Ticket> all() {
    return List.copyOf(rows.values());
  }

  /** The clocks stored with the ticket's last write (the read side's due dates). */
  public Optional<SlaStatus> storedClocks(TicketId id) {
    return Optional.ofNullable(clocks.get(id));
  }

  /** The stored comments of a ticket, internal notes included, in the order they were written. */
  public List<Comment> comments(TicketId ticket) {
    return comments.values().stream()
        .filter(c -> c.ticket().equals(ticket))
        .map(StoredComment::comment)
        .toList();
  }

  /** How many updates were written (refused ones do not count). */
  public int updatesWritten() {
    return updates;
  }

  /** Another transaction holds the row's lock: {@link #byIdForUpdateSkipLocked} skips it. */
  public void holdElsewhere(TicketId id) {
    heldElsewhere.add(id);
  }

  /** Loading the row for a change fails, as when the connection drops. */
  public void failLoading(TicketId id) {
    failing.add(id);
  }

  /**
   * Runs {@code write} once, just before the next update compares versions: another transaction's
   * write that lands between this one's read and its write. Commands lock the row so this does not
   * happen to them in PostgreSQL; the version check is what still guards against it.
   */
  public void beforeNextUpdate(Runnable write) {
    interleaved.add(write);
  }

  // ---------------------------------------------------------------- Tickets

  @Override
  public Uni<Long> nextNumber() {
    return Uni.createFrom().item(() -> ++sequence);
  }

  @Override
  public Uni<Void> add(Ticket ticket, TicketSlaState state, SlaStatus sla) {
    return Uni.createFrom()
        .deferred(
            () -> {
              if (rows.containsKey(ticket.id()) || byNumber(ticket.number()).isPresent()) {
                return Uni.createFrom()
                    .failure(new IllegalStateException("duplicate key: " + ticket.number()));
              }
              rows.put(ticket.id(), ticket);
              clocks.put(ticket.id(), sla);
              states.put(ticket.id(), state);
              scheduled(ticket.id(), SlaAlarmPolicy.nextAlarmAt(ticket, sla, state.nextReply()));
              return Uni.createFrom().voidItem();
            });
  }

  @Override
  public Uni<Optional<Ticket>> byIdForUpdate(TicketId id) {
    return load(id, () -> Optional.ofNullable(rows.get(id)));
  }

  @Override
  public Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number) {
    return Uni.createFrom()
        .deferred(
            () ->
                byNumber(number)
                    .map(t -> byIdForUpdate(t.id()))
                    .orElseGet(() -> Uni.createFrom().item(Optional.empty())));
  }

  @Override
  public Uni<Optional<Ticket>> byIdForUpdateSkipLocked(TicketId id) {
    return load(
        id,
        () -> heldElsewhere.contains(id) ? Optional.empty() : Optional.ofNullable(rows.get(id)));
  }

  private Uni<Optional<Ticket>> load(TicketId id, Supplier<Optional<Ticket>> row) {
    return Uni.createFrom()
        .deferred(
            () ->
                failing.contains(id)
                    ? Uni.createFrom().failure(new IllegalStateException("connection lost"))
                    : Uni.createFrom().item(row.get()));
  }

  @Override
  public Uni<Optional<Comment>> comment(TicketId ticket, CommentId id) {
    return Uni.createFrom()
        .item(
            () ->
                Optional.ofNullable(comments.get(id))
                    .filter(c -> c.ticket().equals(ticket))
                    .map(StoredComment::comment));
  }

  @Override
  public Uni<Boolean> update(
      Ticket before, TicketChange change, TicketSlaState state, SlaStatus sla) {
    return Uni.createFrom()
        .item(
            () -> {
              Runnable other = interleaved.poll();
              if (other != null) {
                other.run();
              }
              Ticket after = change.ticket();
              Ticket row = rows.get(after.id());
              if (row == null || row.version() != before.version()) {
                return false;
              }
              rows.put(after.id(), after);
              clocks.put(after.id(), sla);
              states.put(after.id(), state);
              scheduled(after.id(), SlaAlarmPolicy.nextAlarmAt(after, sla, state.nextReply()));
              change
                  .comment()
                  .ifPresent(c -> comments.put(c.id(), new StoredComment(after.id(), c)));
              updates++;
              return true;
            });
  }

  @Override
  public Uni<List<TicketId>> openAfter(Optional<TicketId> after, int limit) {
    return Uni.createFrom()
        .item(
            () ->
                rows.values().stream()
                    .filter(t -> t.status().isOpen())
                    .map(Ticket::id)
                    .filter(id -> after.isEmpty() || id.value().compareTo(after.get().value()) > 0)
                    .sorted(Comparator.comparing(TicketId::value))
                    .limit(limit)
                    .toList());
  }

  @Override
  public Uni<Integer> renameTag(String from, String to) {
    throw new UnsupportedOperationException("renaming tags is tested against PostgreSQL");
  }

  @Override
  public Uni<List<TagCount>> tags(int limit) {
    throw new UnsupportedOperationException("tag counts are kept by PostgreSQL");
  }

  @Override
  public Uni<Void> release() {
    return Uni.createFrom().voidItem();
  }

  @Override
  public Uni<TicketSlaState> slaState(TicketId id) {
    return Uni.createFrom()
        .item(
            () -> {
              TicketSlaState state = states.get(id);
              if (state == null) {
                throw new IllegalStateException("ticket " + id + " is not stored");
              }
              return state;
            });
  }

  // ---------------------------------------------------------------- TicketQueries

  @Override
  public Uni<Optional<StoredTicket>> ticket(TicketId id) {
    return Uni.createFrom().item(() -> Optional.ofNullable(rows.get(id)).map(this::stored));
  }

  @Override
  public Uni<Optional<StoredTicket>> ticket(TicketNumber number) {
    return Uni.createFrom().item(() -> byNumber(number).map(this::stored));
  }

  private StoredTicket stored(Ticket ticket) {
    return new StoredTicket(ticket, states.get(ticket.id()));
  }

  @Override
  public Uni<Optional<TicketRef>> ref(TicketId id) {
    return Uni.createFrom().item(() -> Optional.ofNullable(rows.get(id)).map(InMemoryTickets::ref));
  }

  @Override
  public Uni<Optional<TicketRef>> ref(TicketNumber number) {
    return Uni.createFrom().item(() -> byNumber(number).map(InMemoryTickets::ref));
  }

  @Override
  public Uni<List<CommentView>> comments(
      TicketId ticket, boolean withInternal, Optional<Keyset> after, int limit) {
    Comparator<Comment> order =
        Comparator.comparing(Comment::createdAt).thenComparing(c -> c.id().value().toString());
    Predicate<Comment> afterKeyset =
        c ->
            after.isEmpty()
                || c.createdAt().compareTo(Instant.parse(after.get().key())) > 0
                || (c.createdAt().equals(Instant.parse(after.get().key()))
                    && c.id().value().toString().compareTo(after.get().id().toString()) > 0);
    return Uni.createFrom()
        .item(
            () ->
                comments(ticket).stream()
                    .filter(c -> withInternal || !c.internal())
                    .filter(afterKeyset)
                    .sorted(order)
                    .limit(limit)
                    .map(c -> CommentView.of(ticket, c))
                    .toList());
  }

  /** Not kept in memory: the list filters and their SQL are tested against PostgreSQL. */
  @Override
  public Uni<List<TicketRow>> tickets(TicketCriteria criteria, int limit) {
    throw new UnsupportedOperationException("the ticket list is not kept in memory");
  }

  @Override
  public Uni<Long> count(TicketCriteria criteria, long atMost) {
    throw new UnsupportedOperationException("the ticket list is not kept in memory");
  }

  /** Not kept in memory: events are in the {@link InMemoryOutbox}. */
  @Override
  public Uni<List<TimelineEntry>> timeline(
      TicketId ticket, boolean withInternal, OptionalLong after, int limit) {
    throw new UnsupportedOperationException("the timeline is not kept in memory");
  }

  /** Not kept in memory: the dashboard's figures are tested against PostgreSQL. */
  @Override
  public Uni<DashboardFigures> dashboard(Instant from, Instant to, Instant now) {
    throw new UnsupportedOperationException("the dashboard is not kept in memory");
  }

  // ---------------------------------------------------------------- SweepCandidates

  @Override
  public Uni<List<TicketId>> staleOpen(Instant createdAtOrBefore, int limit) {
    return select(
        t ->
            t.status() == Status.OPEN
                && !t.autoEscalated()
                && !t.createdAt().isAfter(createdAtOrBefore)
                && (t.assigneeId().isEmpty() || t.firstRespondedAt().isEmpty()),
        Ticket::createdAt,
        limit);
  }

  @Override
  public Uni<List<TicketId>> resolvedIdle(Instant idleSinceAtOrBefore, int limit) {
    return select(
        t -> t.status() == Status.RESOLVED && !t.updatedAt().isAfter(idleSinceAtOrBefore),
        Ticket::updatedAt,
        limit);
  }

  @Override
  public Uni<List<TicketId>> snoozeOver(Instant now, int limit) {
    return select(
        t -> t.snoozedUntil().isPresent() && !t.snoozedUntil().get().isAfter(now),
        t -> t.snoozedUntil().orElseThrow(),
        limit);
  }

  @Override
  public Uni<List<TicketId>> slaAlarms(Instant now, int limit) {
    return select(
        t -> nextAlarms.containsKey(t.id()) && !nextAlarms.get(t.id()).isAfter(now),
        t -> nextAlarms.get(t.id()),
        limit);
  }

  @Override
  public Uni<Void> scheduleAlarm(TicketId id, Optional<Instant> at) {
    return Uni.createFrom().item(() -> scheduled(id, at)).replaceWithVoid();
  }

  // ---------------------------------------------------------------- internals

  /** As the column is written: the next alarm stored with the row, or none. */
  private boolean scheduled(TicketId id, Optional<Instant> at) {
    if (at.isPresent()) {
      nextAlarms.put(id, at.get());
    } else {
      nextAlarms.remove(id);
    }
    return true;
  }

  private Uni<List<TicketId>> select(
      Predicate<Ticket> where, Function<Ticket, Instant> orderBy, int limit) {
    Comparator<Ticket> order =
        Comparator.comparing(orderBy).thenComparing(t -> t.id().value().toString());
    return Uni.createFrom()
        .item(
            () ->
                rows.values().stream()
                    .filter(where)
                    .sorted(order)
                    .limit(limit)
                    .map(Ticket::id)
                    .toList());
  }

  private Optional<Ticket> byNumber(TicketNumber number) {
    return rows.values().stream().filter(t -> t.number().equals(number)).findFirst();
  }

  private static TicketRef ref(Ticket t) {
    return new TicketRef(t.id(), t.requesterId(), t.groupId(), t.participants().ccIds());
  }
}
