package dev.triage.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A warning or breach for one clock of a ticket, reported at most once per clock (for next reply,
 * once per reply cycle: see {@link SlaAlarmKey}).
 */
public record SlaAlarm(SlaClock clock, Kind kind, Instant dueAt) {

  /** Which of the two reports. */
  public enum Kind {
    WARNING,
    BREACH
  }

  public SlaAlarm {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
