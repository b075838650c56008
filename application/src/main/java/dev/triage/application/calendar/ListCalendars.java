package dev.triage.application.calendar;

import dev.triage.application.Page;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * Which calendars are there? A page of them by name, each at its current version.
 *
 * @param after the position after which the page starts, from the previous page's {@code next}
 */
public record ListCalendars(
    Optional<String> after,
    @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100")
        int limit)
    implements Query<Page<CalendarView>> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
