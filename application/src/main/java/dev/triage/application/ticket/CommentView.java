package dev.triage.application.ticket;

import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.TicketId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A comment as its readers see it; a redacted one has an empty body and says who erased it, a split
 * one names the ticket it was split into (ADR 30).
 */
public record CommentView(
    UUID id,
    UUID ticketId,
    UUID authorId,
    String body,
    boolean internal,
    Instant createdAt,
    Optional<UUID> redactedBy,
    Optional<Instant> redactedAt,
    Optional<UUID> splitIntoId) {

  public CommentView {
    splitIntoId = splitIntoId == null ? Optional.empty() : splitIntoId;
  }

  /** A comment that was not split into a ticket. */
  public CommentView(
      UUID id,
      UUID ticketId,
      UUID authorId,
      String body,
      boolean internal,
      Instant createdAt,
      Optional<UUID> redactedBy,
      Optional<Instant> redactedAt) {
    this(
        id,
        ticketId,
        authorId,
        body,
        internal,
        createdAt,
        redactedBy,
        redactedAt,
        Optional.empty());
  }

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
