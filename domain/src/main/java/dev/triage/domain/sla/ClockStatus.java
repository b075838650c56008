package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One clock of one ticket at one instant, the figures the API shows: due date, elapsed and
 * remaining business time, whether it is paused, whether it breached, and when it stopped.
 *
 * <p>{@code dueAt} is the instant the elapsed time reaches the target if the clock keeps running:
 * while paused it is where the due date would be if work resumed now; once stopped it is the due
 * date as it stood at the stop. {@code remaining} is target minus elapsed (negative when over).
 * {@code warningAt} is the same kind of instant for the warning share.
 */
public record ClockStatus(
    SlaClock clock,
    Duration target,
    Instant dueAt,
    Instant warningAt,
    Duration elapsed,
    Duration remaining,
    ClockState state,
    boolean breached,
    boolean warningReached,
    Optional<Instant> stoppedAt) {

  public ClockStatus {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(warningAt, "warningAt");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(stoppedAt, "stoppedAt");
  }

  public boolean paused() {
    return state == ClockState.PAUSED;
  }

  public boolean running() {
    return state == ClockState.RUNNING;
  }

  public boolean stopped() {
    return state == ClockState.STOPPED;
  }

  /** A running clock that has passed its due date (DOMAIN.md's "overdue"). */
  public boolean overdue() {
    return running() && breached;
  }

  /** Whole seconds elapsed, as the API reports them. */
  public long elapsedSeconds() {
    return elapsed.toSeconds();
  }

  /** Whole seconds remaining, negative when the target is exceeded. */
  public long remainingSeconds() {
    return remaining.toSeconds();
  }
}
