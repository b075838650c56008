package dev.triage.domain.ticket;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a successful operation on a ticket: its new state and the events the change
 * caused, in order. A change with no events left the ticket as it was (same version).
 */
public record TicketChange(Ticket ticket, List<TicketEvent> events) {
  public TicketChange {
    Objects.requireNonNull(ticket, "ticket");
    events = List.copyOf(events);
  }

  /** True when nothing changed (for example, assigning a ticket to its current assignee). */
  public boolean isNoChange() {
    return events.isEmpty();
  }
}
