package dev.triage.application.calendar;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads a live calendar's current version; an id that is not a UUID is simply not found. */
public final class FindCalendarHandler implements Handler<FindCalendar, CalendarView> {

  private final Calendars calendars;

  public FindCalendarHandler(Calendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public Uni<Result<CalendarView>> handle(FindCalendar query, RequestContext context) {
    return CalendarLookup.find(calendars, query.calendarId())
        .map(found -> found.map(CalendarView::of));
  }
}
