package dev.triage.domain.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful operation on a ticket: its new state, the events the change caused,
 * in order, and the comment it wrote, if any (a reply or note added, or a comment redacted). A
 * change with no events left the ticket as it was (same version). Storage applies the change: the
 * comment is an insert or an update of its own row, the rest an update of the ticket.
 */
public record TicketChange(Ticket ticket, List<TicketEvent> events, Optional<Comment> comment) {
  public TicketChange {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(comment, "comment");
    events = List.copyOf(events);
  }

  public TicketChange(Ticket ticket, List<TicketEvent> events) {
    this(ticket, events, Optional.empty());
  }

  /** True when nothing changed (for example, assigning a ticket to its current assignee). */
  public boolean isNoChange() {
    return events.isEmpty();
  }

  /** This change, writing {@code written} too. */
  TicketChange writing(Comment written) {
    return new TicketChange(ticket, events, Optional.of(written));
  }
}
