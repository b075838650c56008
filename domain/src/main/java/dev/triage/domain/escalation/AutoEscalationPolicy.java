package dev.triage.domain.escalation;

import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the system escalates a ticket on its own: still OPEN, without an assignee or without a first
 * response, older than {@code after} (wall-clock time since creation, default 24 h), and not
 * escalated automatically before. Running the decision twice escalates once.
 */
public record AutoEscalationPolicy(Duration after) {

  public static final Duration DEFAULT_AFTER = Duration.ofHours(24);

  public AutoEscalationPolicy {
    Objects.requireNonNull(after, "after");
    if (after.isNegative()) {
      throw new IllegalArgumentException("after must not be negative");
    }
  }

  public static AutoEscalationPolicy defaults() {
    return new AutoEscalationPolicy(DEFAULT_AFTER);
  }

  /** Candidate rows are tickets created at or before this instant (for the job's query). */
  public Instant createdAtOrBefore(Instant now) {
    return now.minus(after);
  }

  /** The reason to escalate {@code ticket} now, or empty when it is not due. */
  public Optional<String> reasonToEscalate(Ticket ticket, Instant now) {
    if (ticket.status() != Status.OPEN
        || ticket.autoEscalated()
        || ticket.createdAt().isAfter(createdAtOrBefore(now))) {
      return Optional.empty();
    }
    boolean unassigned = ticket.assigneeId().isEmpty();
    boolean unanswered = ticket.firstRespondedAt().isEmpty();
    if (!unassigned && !unanswered) {
      return Optional.empty();
    }
    String missing =
        unassigned && unanswered
            ? "without an assignee or a first response"
            : unassigned ? "without an assignee" : "without a first response";
    return Optional.of("Still OPEN " + missing + " after " + describe(after) + ".");
  }

  /** Escalates {@code ticket} if it is due; empty when it is not. */
  public Optional<TicketChange> apply(Ticket ticket, Instant now) {
    return reasonToEscalate(ticket, now)
        .map(reason -> ticket.autoEscalate(reason, now).orElseThrow());
  }

  static String describe(Duration d) {
    if (d.toSeconds() % 86_400 == 0 && d.toDays() >= 2) {
      return d.toDays() + " d";
    }
    if (d.toSeconds() % 3_600 == 0) {
      return d.toHours() + " h";
    }
    return d.toMinutes() + " min";
  }
}
