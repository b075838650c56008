package dev.triage.domain.ticket;

import java.util.Objects;

/**
 * What adding a comment led to: either the comment is on the ticket, or the ticket is CLOSED and
 * the requester's reply must open a follow-up ticket instead.
 */
public sealed interface CommentOutcome {

  /** The comment was added; {@code change} may also hold status moves the reply caused. */
  record Added(TicketChange change, Comment comment) implements CommentOutcome {
    public Added {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(comment, "comment");
    }
  }

  /** The ticket is CLOSED: open {@code followUp} as a new ticket and tell the requester so. */
  record FollowUpRequired(FollowUp followUp) implements CommentOutcome {
    public FollowUpRequired {
      Objects.requireNonNull(followUp, "followUp");
    }
  }
}
