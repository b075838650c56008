package dev.triage.domain.access;

import dev.triage.domain.ticket.Assignee;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.TicketEdit;
import java.util.Objects;

/** Everything an actor can ask to do to one ticket, as a value the access policy can judge. */
public sealed interface TicketOperation {

  /** Read the ticket, its comments and its timeline. */
  record View() implements TicketOperation {}

  /** Change title, description, category, tags or priority. */
  record Edit(TicketEdit edit) implements TicketOperation {
    public Edit {
      Objects.requireNonNull(edit, "edit");
    }
  }

  /** Move the ticket to another status. */
  record ChangeStatus(Status target) implements TicketOperation {
    public ChangeStatus {
      Objects.requireNonNull(target, "target");
    }
  }

  /** Give the ticket to an agent or admin. */
  record Assign(Assignee candidate) implements TicketOperation {
    public Assign {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  /** Drop the assignee. */
  record Unassign() implements TicketOperation {}

  /** Raise the priority one level (staff). */
  record Escalate() implements TicketOperation {}

  /** Write a public reply ({@code internal = false}) or an internal note. */
  record AddComment(boolean internal) implements TicketOperation {}

  /** Erase a comment's text. */
  record RedactComment(Comment comment) implements TicketOperation {
    public RedactComment {
      Objects.requireNonNull(comment, "comment");
    }
  }

  /** Close the ticket (admin from RESOLVED, the requester withdrawing or accepting). */
  record Close() implements TicketOperation {}

  /** Reopen a RESOLVED ticket. */
  record Reopen() implements TicketOperation {}
}
