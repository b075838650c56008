package dev.triage.application.ticket;

import dev.triage.application.sla.TicketSlaState;
import dev.triage.domain.ticket.Ticket;
import java.util.Objects;

/** A ticket as its row holds it: the record and what it keeps for its clocks (ADR 17). */
public record StoredTicket(Ticket ticket, TicketSlaState sla) {
  public StoredTicket {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(sla, "sla");
  }
}
