package dev.triage.application.ticket;

import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.TicketId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A comment as its readers see it; a redacted one has an empty body and says who erased it. */
public record CommentView(
    UUID id,
    UUID ticketId,
    UUID authorId,
    String body,
    boolean internal,
    Instant createdAt,
    Optional<UUID> redactedBy,
    Optional<Instant> redactedAt) {

  public static CommentView of(TicketId ticket, Comment c) {
    return new CommentView(
        c.id().value(),
        ticket.value(),
        c.authorId().value(),
        c.body(),
        c.internal(),
        c.createdAt(),
        c.redaction().map(r -> r.by().value()),
        c.redaction().map(Comment.Redaction::at));
  }
}
