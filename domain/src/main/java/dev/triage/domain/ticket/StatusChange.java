package dev.triage.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ticket's status history: the status it entered and when. The SLA clocks are
 * derived from this history (pauses, stops and restarts), so it is kept in full.
 */
public record StatusChange(Status status, Instant at) {
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
