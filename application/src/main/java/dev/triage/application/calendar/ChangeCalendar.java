package dev.triage.application.calendar;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Optional;

/**
 * An admin replaces a calendar's whole definition: a new version, which new measurements use;
 * tickets measured against an earlier version keep it.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record ChangeCalendar(String calendarId, Optional<Long> ifMatch, CalendarInput calendar)
    implements Command<CalendarView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
