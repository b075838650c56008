package dev.triage.domain.sla;

import java.util.Objects;

/** A calendar's content under one version: what a ticket pinned to {@code ref} is measured in. */
public record CalendarVersion(CalendarRef ref, BusinessCalendar calendar) {

  public CalendarVersion {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(calendar, "calendar");
    if (!ref.name().equals(calendar.name())) {
      throw new IllegalArgumentException(
          "version " + ref + " names another calendar: " + calendar.name());
    }
  }

  public CalendarId id() {
    return ref.id();
  }
}
