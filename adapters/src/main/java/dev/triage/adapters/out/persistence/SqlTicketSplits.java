package dev.triage.adapters.out.persistence;

import dev.triage.application.port.TicketSplits;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Marks a split comment (V40), once, on the command's session (ADR 30). */
@ApplicationScoped
public class SqlTicketSplits implements TicketSplits {

  static final String MARK =
      "update ticket_comments set split_into_id = cast(:into as uuid)"
          + " where id = cast(:comment as uuid) and ticket_id = cast(:ticket as uuid)"
          + " and split_into_id is null";

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
}
