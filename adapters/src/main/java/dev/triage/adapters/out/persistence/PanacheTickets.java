package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Tickets;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.TicketSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets stored in PostgreSQL through Hibernate Reactive, comments in their own table. */
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
  public Uni<Void> add(Ticket ticket) {
    TicketSnapshot snapshot = ticket.snapshot();
    return Panache.getSession()
        .flatMap(
            s -> {
              UUID id = snapshot.id().value();
              Uni<Void> persisted = s.persist(TicketEntity.fromDomain(snapshot));
              for (Comment c : snapshot.comments()) {
                persisted = persisted.chain(() -> s.persist(CommentEntity.fromDomain(id, c)));
              }
              return persisted.chain(s::flush);
            });
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
