package dev.triage.adapters.out.persistence;

import dev.triage.application.port.TicketMerges;
import dev.triage.domain.ticket.TicketId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A merge's copy of the source's comments (ADR 30): one statement on the command's session, however
 * many comments the source holds; the copies get new ids and keep everything else (their search
 * vectors are generated columns). Their files come along: a new row per file, on the target and the
 * copy, whose bytes are the original's ({@code content_id}, V42), stored once.
 */
@ApplicationScoped
public class SqlTicketMerges implements TicketMerges {

  static final String COPY_COMMENTS =
      "with source as materialized (select id, gen_random_uuid() as copy_id, author_id,"
          + " author_role, body, internal, created_at, redacted_by, redacted_at"
          + " from ticket_comments where ticket_id = cast(:source as uuid)),"
          + " copies as (insert into ticket_comments (id, ticket_id, author_id, author_role, body,"
          + " internal, created_at, redacted_by, redacted_at)"
          + " select copy_id, cast(:target as uuid), author_id, author_role, body, internal,"
          + " created_at, redacted_by, redacted_at from source returning id),"
          + " files as (insert into attachments (id, uploader_id, file_name, content_type, size,"
          + " sha256, created_at, ticket_id, comment_id, internal, claimed_at, erased_by, erased_at,"
          + " content_id) select gen_random_uuid(), a.uploader_id, a.file_name, a.content_type,"
          + " a.size, a.sha256, a.created_at, cast(:target as uuid), s.copy_id, a.internal,"
          + " a.claimed_at, a.erased_by, a.erased_at, coalesce(a.content_id, a.id)"
          + " from attachments a join source s on a.comment_id = s.id)"
          + " select cast(count(*) as integer) from copies";

  @Override
  public Uni<Integer> copyComments(TicketId source, TicketId target) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(COPY_COMMENTS, Integer.class)
                    .setParameter("source", source.value().toString())
                    .setParameter("target", target.value().toString())
                    .getSingleResult());
  }
}
