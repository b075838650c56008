package dev.triage.adapters.out.persistence;

import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code ticket_comments} row: a reply or internal note of a ticket. */
@Entity
@Table(name = "ticket_comments")
public class CommentEntity extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "ticket_id", nullable = false)
  public UUID ticketId;

  @Column(name = "author_id", nullable = false)
  public UUID authorId;

  @Column(name = "author_role", nullable = false)
  public String authorRole;

  public String body;
  public boolean internal;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "redacted_by")
  public UUID redactedBy;

  @Column(name = "redacted_at")
  public Instant redactedAt;

  static CommentEntity fromDomain(UUID ticketId, Comment c) {
    CommentEntity e = new CommentEntity();
    e.id = c.id().value();
    e.ticketId = ticketId;
    e.copy(c);
    return e;
  }

  void copy(Comment c) {
    authorId = c.authorId().value();
    authorRole = c.authorRole().name();
    body = c.body();
    internal = c.internal();
    createdAt = c.createdAt();
    redactedBy = c.redaction().map(r -> r.by().value()).orElse(null);
    redactedAt = c.redaction().map(Comment.Redaction::at).orElse(null);
  }

  Comment toDomain() {
    return new Comment(
        new CommentId(id),
        new UserId(authorId),
        Role.valueOf(authorRole),
        body,
        internal,
        createdAt,
        redactedBy == null
            ? Optional.empty()
            : Optional.of(new Comment.Redaction(new UserId(redactedBy), redactedAt)));
  }
}
