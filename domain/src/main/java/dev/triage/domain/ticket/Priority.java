package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import java.util.Locale;
import java.util.Optional;

/** How urgent a ticket is, lowest first; the SLA targets depend on it. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The priority a ticket gets when the requester names none. */
  public static Priority defaultPriority() {
    return MEDIUM;
  }

  /** The next level up, or empty for CRITICAL. */
  public Optional<Priority> higher() {
    return this == CRITICAL ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  /** The next level up; CRITICAL stays CRITICAL. */
  public Priority next() {
    return higher().orElse(this);
  }

  /** Reads a priority name (case-insensitive); a rejection names the field {@code priority}. */
  public static Result<Priority> parse(String text) {
    if (text != null) {
      for (Priority p : values()) {
        if (p.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
          return Result.ok(p);
        }
      }
    }
    return Result.invalid("priority", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
  }
}
