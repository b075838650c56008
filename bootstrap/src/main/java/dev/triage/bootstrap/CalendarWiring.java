package dev.triage.bootstrap;

import dev.triage.application.calendar.ChangeCalendar;
import dev.triage.application.calendar.ChangeCalendarHandler;
import dev.triage.application.calendar.CreateCalendar;
import dev.triage.application.calendar.CreateCalendarHandler;
import dev.triage.application.calendar.DeleteCalendar;
import dev.triage.application.calendar.DeleteCalendarHandler;
import dev.triage.application.calendar.FindCalendar;
import dev.triage.application.calendar.FindCalendarHandler;
import dev.triage.application.calendar.ListCalendars;
import dev.triage.application.calendar.ListCalendarsHandler;
import dev.triage.application.port.CalendarUsage;
import dev.triage.application.port.Calendars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** The business calendar use cases, bound to their ports and registered with the bus. */
@ApplicationScoped
public class CalendarWiring {

  @Produces
  @Singleton
  HandlerModule calendars(
      Calendars calendars, CalendarUsage usage, SecureRandom random, Clock clock) {
    return registry ->
        registry
            .register(CreateCalendar.class, new CreateCalendarHandler(calendars, clock, random))
            .register(ChangeCalendar.class, new ChangeCalendarHandler(calendars, clock, random))
            .register(DeleteCalendar.class, new DeleteCalendarHandler(calendars, usage, clock))
            .register(FindCalendar.class, new FindCalendarHandler(calendars))
            .register(ListCalendars.class, new ListCalendarsHandler(calendars));
  }
}
