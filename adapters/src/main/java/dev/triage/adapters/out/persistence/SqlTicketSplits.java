package dev.triage.adapters.out.persistence;

import dev.triage.application.port.TicketSplits;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Marks a split comment (V40), once, and reads the mark, on the command's session (ADR 30). */
@ApplicationScoped
public class SqlTicketSplits implements TicketSplits {

  static final String MARK =
      "update ticket_comments set split_into_id = cast(:into as uuid)"
          + " where id = cast(:comment as uuid) and ticket_id = cast(:ticket as uuid)"
          + " and split_into_id is null";

  static final String SPLIT_INTO =
      "select cast(split_into_id as text) from ticket_comments where id = cast(:comment as uuid)";

  @Override
  public Uni<Boolean> markSplit(TicketId ticket, CommentId comment, TicketId into) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(MARK)
                    .setParameter("into", into.value().toString())
                    .setParameter("comment", comment.value().toString())
                    .setParameter("ticket", ticket.value().toString())
                    .executeUpdate())
        .map(rows -> rows == 1);
  }

  @Override
  public Uni<Optional<TicketId>> splitInto(CommentId comment) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(SPLIT_INTO, String.class)
                    .setParameter("comment", comment.value().toString())
                    .getResultList())
        .map(
            rows ->
                rows.isEmpty() || rows.get(0) == null
                    ? Optional.<TicketId>empty()
                    : Optional.of(new TicketId(UUID.fromString(rows.get(0)))));
  }
}
