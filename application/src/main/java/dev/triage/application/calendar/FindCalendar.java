package dev.triage.application.calendar;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What is this calendar's current definition? */
public record FindCalendar(String calendarId) implements Query<CalendarView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
