package dev.triage.application.calendar;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** An admin defines a business calendar; it starts at version 1. */
public record CreateCalendar(CalendarInput calendar) implements Command<CalendarView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
