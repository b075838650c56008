package dev.triage.adapters.out.persistence;

import dev.triage.application.port.TicketMerges;
import dev.triage.domain.ticket.TicketId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A merge's copy of the source's comments (ADR 30): one {@code insert ... select} on the command's
 * session, however many comments the source holds; the copies get new ids and keep everything else
 * (their search vectors are generated columns).
 */
@ApplicationScoped
public class SqlTicketMerges implements TicketMerges {

  static final String COPY_COMMENTS =
      "insert into ticket_comments (id, ticket_id, author_id, author_role, body, internal,"
          + " created_at, redacted_by, redacted_at)"
          + " select gen_random_uuid(), cast(:target as uuid), author_id, author_role, body,"
          + " internal, created_at, redacted_by, redacted_at"
          + " from ticket_comments where ticket_id = cast(:source as uuid)";

  @Override
  public Uni<Integer> copyComments(TicketId source, TicketId target) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(COPY_COMMENTS)
                    .setParameter("source", source.value().toString())
                    .setParameter("target", target.value().toString())
                    .executeUpdate());
  }
}
