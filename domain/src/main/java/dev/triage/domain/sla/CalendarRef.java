package dev.triage.domain.sla;

import java.util.Objects;

/**
 * One version of a business calendar, as a ticket pins it and an explanation names it. Versions are
 * immutable and numbered from 1; an edit makes the next one.
 */
public record CalendarRef(CalendarId id, String name, int version) {

  public CalendarRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1: " + version);
    }
  }
}
