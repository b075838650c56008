package dev.triage.domain.sla;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A business calendar's identity, the same across its versions. */
public record CalendarId(UUID value) {

  public CalendarId {
    Objects.requireNonNull(value, "value");
  }

  public static CalendarId of(UUID value) {
    return new CalendarId(value);
  }

  /** A new, time-ordered id. */
  public static CalendarId newId(Instant now, RandomGenerator random) {
    return new CalendarId(Uuids.v7(now, random));
  }

  /** Reads an id in canonical UUID form; a rejection names the field {@code calendarId}. */
  public static Result<CalendarId> parse(String text) {
    return Uuids.parse(text)
        .<Result<CalendarId>>map(uuid -> Result.ok(new CalendarId(uuid)))
        .orElseGet(() -> Result.invalid("calendarId", "must be a UUID"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
