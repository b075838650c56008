package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Tickets;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/**
 * Tickets stored in PostgreSQL through Hibernate Reactive: the ticket is its row, comments live in
 * their own table and are never loaded with it. A change is applied, not diffed: the comment it
 * wrote is inserted (or, redacted, updated) and the ticket row updated under its version, so the
 * cost of a command does not depend on how many comments the ticket has. Every write also stores
 * the due dates of the running SLA clocks, for the read side's filters.
 */
@ApplicationScoped
public class PanacheTickets implements Tickets {

  @Override
  public Uni<Long> nextNumber() {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                    .getSingleResult());
  }

  @Override
  public Uni<Void> add(Ticket ticket, SlaStatus sla) {
    return Panache.getSession()
        .flatMap(s -> s.persist(TicketEntity.fromDomain(ticket.snapshot(), sla)).chain(s::flush));
  }

  @Override
  public Uni<Optional<Ticket>> byIdForUpdate(TicketId id) {
    return Panache.getSession()
        .flatMap(s -> s.find(TicketEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
        .map(PanacheTickets::load);
  }

  @Override
  public Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number) {
    return TicketEntity.<TicketEntity>find("number", number.value())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .map(PanacheTickets::load);
  }

  @Override
  public Uni<Optional<Ticket>> byIdForUpdateSkipLocked(TicketId id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "select version from tickets where id = :id for update skip locked",
                        Long.class)
                    .setParameter("id", id.value())
                    .getResultList()
                    .flatMap(
                        locked ->
                            locked.isEmpty()
                                ? Uni.createFrom().item(Optional.<Ticket>empty())
                                : s.find(TicketEntity.class, id.value())
                                    .map(PanacheTickets::load)));
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
  public Uni<Boolean> update(Ticket before, TicketChange change, SlaStatus sla) {
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
                          row.copy(after.snapshot(), sla);
                          Uni<Void> comment =
                              change
                                  .comment()
                                  .map(c -> write(s, after.id(), c))
                                  .orElseGet(() -> Uni.createFrom().voidItem());
                          return comment.chain(s::flush).replaceWith(true);
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

  @Override
  public Uni<Optional<Ticket>> byId(TicketId id) {
    return TicketEntity.<TicketEntity>findById(id.value()).map(PanacheTickets::load);
  }

  @Override
  public Uni<Optional<Ticket>> byNumber(TicketNumber number) {
    return TicketEntity.<TicketEntity>find("number", number.value())
        .firstResult()
        .map(PanacheTickets::load);
  }

  private static Optional<Ticket> load(TicketEntity entity) {
    return Optional.ofNullable(entity).map(e -> Ticket.fromSnapshot(e.toDomain()));
  }
}
