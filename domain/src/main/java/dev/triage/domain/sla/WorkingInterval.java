package dev.triage.domain.sla;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Working hours within one day of the week, in the calendar's zone. An end at or before the start
 * means the interval crosses midnight into the next day ({@code 22:00-06:00}); {@code 00:00-00:00}
 * is the whole day.
 */
public record WorkingInterval(LocalTime start, LocalTime end) {

  public WorkingInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  public static WorkingInterval of(LocalTime start, LocalTime end) {
    return new WorkingInterval(start, end);
  }

  /** Reads {@code "09:00-17:30"}. */
  public static WorkingInterval parse(String text) {
    String[] parts = text.strip().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected HH:MM-HH:MM: " + text);
    }
    return new WorkingInterval(
        LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
  }

  /** The whole day, midnight to midnight. */
  public static WorkingInterval allDay() {
    return new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  public boolean crossesMidnight() {
    return !end.isAfter(start);
  }

  /** Start and end as seconds from the start of the day it belongs to (end may pass 24h). */
  long startSecond() {
    return start.toSecondOfDay();
  }

  long endSecond() {
    return end.toSecondOfDay() + (crossesMidnight() ? 86_400L : 0L);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
