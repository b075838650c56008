package dev.triage.domain.access;

import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.TicketEdit;
import java.util.Objects;

/** Everything an actor can ask to do to one ticket, as a value the access policy can judge. */
public sealed interface TicketOperation {

  /** Read the ticket, its comments and its timeline. */
  record View() implements TicketOperation {}

  record Edit(TicketEdit edit) implements TicketOperation {
    public Edit {
      Objects.requireNonNull(edit, "edit");
    }
  }

  record ChangeStatus(Status target) implements TicketOperation {
    public ChangeStatus {
      Objects.requireNonNull(target, "target");
    }
  }

  record Assign(Assignee candidate) implements TicketOperation {
    public Assign {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  record Unassign() implements TicketOperation {}

  record Escalate() implements TicketOperation {}

  /** Write a public reply ({@code internal = false}) or an internal note. */
  record AddComment(boolean internal) implements TicketOperation {}

  record RedactComment(CommentId commentId) implements TicketOperation {
    public RedactComment {
      Objects.requireNonNull(commentId, "commentId");
    }
  }

  record Close() implements TicketOperation {}

  record Reopen() implements TicketOperation {}
}
