package dev.triage.application.ticket;

import dev.triage.application.attachment.AttachmentView;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * /** A comment as its readers see it; a redacted one has an empty body and says who erased it, a
 * split one names the ticket it was split into (ADR 30). Its attachments are listed with it (an
 * erased one keeps its name and size).
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
    Optional<UUID> splitIntoId,
    List<AttachmentView> attachments) {

  public CommentView {
    splitIntoId = splitIntoId == null ? Optional.empty() : splitIntoId;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A comment that was not split into a ticket, without attachments. */
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
        Optional.empty(),
        List.of());
  }

  /** A comment without attachments. */
  public CommentView(
      UUID id,
      UUID ticketId,
      UUID authorId,
      String body,
      boolean internal,
      Instant createdAt,
      Optional<UUID> redactedBy,
      Optional<Instant> redactedAt,
      Optional<UUID> splitIntoId) {
    this(
        id,
        ticketId,
        authorId,
        body,
        internal,
        createdAt,
        redactedBy,
        redactedAt,
        splitIntoId,
        List.of());
  }

  /** A comment that was not split into a ticket, with {@code attachments}. */
  public CommentView(
      UUID id,
      UUID ticketId,
      UUID authorId,
      String body,
      boolean internal,
      Instant createdAt,
      Optional<UUID> redactedBy,
      Optional<Instant> redactedAt,
      List<AttachmentView> attachments) {
    this(
        id,
        ticketId,
        authorId,
        body,
        internal,
        createdAt,
        redactedBy,
        redactedAt,
        Optional.empty(),
        attachments);
  }

  /** This comment with {@code files} as its attachments. */
  public CommentView withAttachments(List<AttachmentView> files) {
    return new CommentView(
        id,
        ticketId,
        authorId,
        body,
        internal,
        createdAt,
        redactedBy,
        redactedAt,
        splitIntoId,
        files);
  }

  /** This comment as split into {@code ticket}, or as never split. */
  public CommentView withSplitInto(Optional<UUID> ticket) {
    return new CommentView(
        id,
        ticketId,
        authorId,
        body,
        internal,
        createdAt,
        redactedBy,
        redactedAt,
        ticket,
        attachments);
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
