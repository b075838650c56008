package dev.triage.domain.escalation;

import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the system closes a resolved ticket: RESOLVED and without activity (its {@code updatedAt})
 * for {@code idleFor}, default 7 days of wall-clock time.
 */
public record AutoClosePolicy(Duration idleFor) {

  public static final Duration DEFAULT_IDLE = Duration.ofDays(7);

  public AutoClosePolicy {
    Objects.requireNonNull(idleFor, "idleFor");
    if (idleFor.isNegative()) {
      throw new IllegalArgumentException("idleFor must not be negative");
    }
  }

  public static AutoClosePolicy defaults() {
    return new AutoClosePolicy(DEFAULT_IDLE);
  }

  /** Candidate rows are RESOLVED tickets last updated at or before this instant. */
  public Instant idleSinceAtOrBefore(Instant now) {
    return now.minus(idleFor);
  }

  public boolean isDue(Ticket ticket, Instant now) {
    return ticket.status() == Status.RESOLVED
        && !ticket.updatedAt().isAfter(idleSinceAtOrBefore(now));
  }

  /** Closes {@code ticket} if it is due; empty when it is not. */
  public Optional<TicketChange> apply(Ticket ticket, Instant now) {
    return isDue(ticket, now) ? Optional.of(ticket.autoClose(now).orElseThrow()) : Optional.empty();
  }
}
