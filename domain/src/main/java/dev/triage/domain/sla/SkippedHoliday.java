package dev.triage.domain.sla;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One occurrence of a holiday that took working time away from a clock: the date it fell on (for a
 * yearly holiday, that year's date) and its name, so an explanation can say "Christmas Day".
 */
public record SkippedHoliday(LocalDate date, String name) {

  public SkippedHoliday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return name.isEmpty() ? date.toString() : date + " (" + name + ")";
  }
}
