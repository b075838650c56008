package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.TicketSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets stored in PostgreSQL through Hibernate Reactive, comments in their own table. Every write
 * also stores the due dates of the running SLA clocks, for the read side's filters.
 */
@ApplicationScoped
public class PanacheTickets implements Tickets {

  private final SlaSettings sla;
  private final Clock clock;

  public PanacheTickets(SlaSettings sla, Clock clock) {
    this.sla = sla;
    this.clock = clock;
  }

  private SlaStatus slaOf(Ticket ticket) {
    return Sla.evaluate(ticket, sla.policy(), sla.calendar(), clock.instant());
  }

  @Override
  public Uni<Long> nextNumber() {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                    .getSingleResult());
  }

  @Override
  public Uni<Void> add(Ticket ticket) {
    TicketSnapshot snapshot = ticket.snapshot();
    SlaStatus status = slaOf(ticket);
    return Panache.getSession()
        .flatMap(
            s -> {
              UUID id = snapshot.id().value();
              Uni<Void> persisted = s.persist(TicketEntity.fromDomain(snapshot, status));
              for (Comment c : snapshot.comments()) {
                persisted = persisted.chain(() -> s.persist(CommentEntity.fromDomain(id, c)));
              }
              return persisted.chain(s::flush);
            });
  }

  @Override
  public Uni<Optional<Ticket>> byIdForUpdate(TicketId id) {
    return TicketEntity.<TicketEntity>find("id", id.value())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .flatMap(this::load);
  }

  @Override
  public Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number) {
    return TicketEntity.<TicketEntity>find("number", number.value())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .flatMap(this::load);
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
                                : s.find(TicketEntity.class, id.value()).flatMap(this::load)));
  }

  @Override
  public Uni<Boolean> update(Ticket before, Ticket after) {
    TicketSnapshot was = before.snapshot();
    TicketSnapshot now = after.snapshot();
    SlaStatus status = slaOf(after);
    return Panache.getSession()
        .flatMap(
            s ->
                s.find(TicketEntity.class, now.id().value())
                    .flatMap(
                        row -> {
                          // The row is locked by byIdForUpdate; the version check guards callers
                          // that did not lock it.
                          if (row == null || row.version != was.version()) {
                            return Uni.createFrom().item(false);
                          }
                          row.copy(now, status);
                          Map<CommentId, Comment> old = new HashMap<>();
                          for (Comment c : was.comments()) {
                            old.put(c.id(), c);
                          }
                          Uni<Void> chain = Uni.createFrom().voidItem();
                          for (Comment c : now.comments()) {
                            Comment previous = old.get(c.id());
                            if (previous == null) {
                              chain =
                                  chain.chain(
                                      () ->
                                          s.persist(CommentEntity.fromDomain(now.id().value(), c)));
                            } else if (!previous.equals(c)) {
                              chain =
                                  chain.chain(
                                      () ->
                                          s.find(CommentEntity.class, c.id().value())
                                              .invoke(e -> e.copy(c))
                                              .replaceWithVoid());
                            }
                          }
                          return chain.chain(s::flush).replaceWith(true);
                        }));
  }

  @Override
  public Uni<Optional<Ticket>> byId(TicketId id) {
    return TicketEntity.<TicketEntity>findById(id.value()).flatMap(this::load);
  }

  @Override
  public Uni<Optional<Ticket>> byNumber(TicketNumber number) {
    return TicketEntity.<TicketEntity>find("number", number.value())
        .firstResult()
        .flatMap(this::load);
  }

  private Uni<Optional<Ticket>> load(TicketEntity entity) {
    if (entity == null) {
      return Uni.createFrom().item(Optional.empty());
    }
    return CommentEntity.<CommentEntity>find("ticketId = ?1 order by createdAt, id", entity.id)
        .list()
        .map(
            rows -> {
              List<Comment> comments = rows.stream().map(CommentEntity::toDomain).toList();
              return Optional.of(Ticket.fromSnapshot(entity.toDomain(comments)));
            });
  }
}
