package dev.triage.application.sla;

import dev.triage.domain.ticket.NextReplyFacts;
import java.util.Objects;

/**
 * What a ticket row stores for its clocks beside the {@code Ticket} record (ADR 17): the versions
 * it is pinned to and the facts of its next-reply clock.
 */
public record TicketSlaState(SlaPinIds pin, NextReplyFacts nextReply) {
  public TicketSlaState {
    Objects.requireNonNull(pin, "pin");
    Objects.requireNonNull(nextReply, "nextReply");
  }

  public TicketSlaState withPin(SlaPinIds next) {
    return new TicketSlaState(next, nextReply);
  }

  public TicketSlaState withNextReply(NextReplyFacts next) {
    return new TicketSlaState(pin, next);
  }
}
