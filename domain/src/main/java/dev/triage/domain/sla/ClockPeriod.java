package dev.triage.domain.sla;

import java.time.Instant;
import java.util.Objects;

/** A stretch of a clock's life in one state, {@code [start, end)}. */
public record ClockPeriod(Instant start, Instant end, ClockState state) {
  public ClockPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(state, "state");
  }

  public TimeRange range() {
    return new TimeRange(start, end);
  }
}
