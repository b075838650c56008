package dev.triage.application.ticket;

import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.TicketSnapshot;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's state as the audit trail keeps it: every field, and each comment's facts (who, when,
 * internal, redacted) but never its text. The audit log cannot be changed, so comment text kept
 * there would survive a redaction; leaving it out keeps redaction an erasure.
 */
public record TicketAuditState(
    TicketId id,
    TicketNumber number,
    UserId requesterId,
    Title title,
    Description description,
    Priority priority,
    Optional<Category> category,
    Tags tags,
    Status status,
    Optional<UserId> assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> firstRespondedAt,
    Optional<Instant> resolvedAt,
    Optional<Instant> closedAt,
    Optional<Instant> escalatedAt,
    int escalationLevel,
    boolean autoEscalated,
    Optional<TicketId> followUpOf,
    Set<SlaClock> slaWarningsRecorded,
    Set<SlaClock> slaBreachesRecorded,
    List<CommentFact> comments,
    long version) {

  /** A comment without its text. */
  public record CommentFact(
      CommentId id,
      UserId authorId,
      Role authorRole,
      boolean internal,
      Instant createdAt,
      Optional<Comment.Redaction> redaction) {}

  public static TicketAuditState of(Ticket ticket) {
    TicketSnapshot s = ticket.snapshot();
    return new TicketAuditState(
        s.id(),
        s.number(),
        s.requesterId(),
        s.title(),
        s.description(),
        s.priority(),
        s.category(),
        s.tags(),
        s.status(),
        s.assigneeId(),
        s.createdAt(),
        s.updatedAt(),
        s.firstRespondedAt(),
        s.resolvedAt(),
        s.closedAt(),
        s.escalatedAt(),
        s.escalationLevel(),
        s.autoEscalated(),
        s.followUpOf(),
        s.slaWarningsRecorded(),
        s.slaBreachesRecorded(),
        s.comments().stream()
            .map(
                c ->
                    new CommentFact(
                        c.id(),
                        c.authorId(),
                        c.authorRole(),
                        c.internal(),
                        c.createdAt(),
                        c.redaction()))
            .toList(),
        s.version());
  }
}
