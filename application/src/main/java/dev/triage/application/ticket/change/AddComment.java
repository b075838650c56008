package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.validation.CodePoints;
import dev.triage.domain.ticket.Comment;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Optional;

/**
 * Reply publicly or add an internal note (staff only). A requester's reply moves a PENDING_CUSTOMER
 * ticket back to IN_PROGRESS and reopens a RESOLVED one; on a CLOSED ticket it opens a follow-up
 * ticket instead. {@code attachments} are upload tokens to attach to the comment (ADR 29).
 */
public record AddComment(
    String ticket,
    Optional<Long> ifMatch,
    @NotBlank(message = "is required")
        @CodePoints(max = Comment.MAX_LENGTH, message = "must be at most {max} characters")
        String body,
    boolean internal,
    List<String> attachments)
    implements Command<CommentResult> {

  public AddComment {
    attachments = attachments == null ? List.of() : attachments;
  }

  /** A comment without attachments. */
  public AddComment(String ticket, Optional<Long> ifMatch, String body, boolean internal) {
    this(ticket, ifMatch, body, internal, List.of());
  }
}
