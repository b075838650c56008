package dev.triage.application.calendar;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Locks the calendar at the version the caller expects, checks the new definition, and writes it as
 * the next version, moving the calendar's pointer to it; the earlier version rows stay as they
 * were. A definition equal to the current one writes nothing and answers the current version.
 */
public final class ChangeCalendarHandler implements Handler<ChangeCalendar, CalendarView> {

  private final Calendars calendars;
  private final Clock clock;
  private final RandomGenerator random;

  public ChangeCalendarHandler(Calendars calendars, Clock clock, RandomGenerator random) {
    this.calendars = calendars;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<CalendarView>> handle(ChangeCalendar command, RequestContext context) {
    return Results.then(
        CalendarLookup.lock(calendars, command.calendarId(), command.ifMatch()),
        before ->
            Results.then(
                CalendarInput.orEmpty(command.calendar()).define(),
                calendar -> change(before, calendar, context)));
  }

  private Uni<Result<CalendarView>> change(
      Calendars.Stored before, BusinessCalendar calendar, RequestContext context) {
    CalendarView was = CalendarView.of(before);
    String id = before.id().toString();
    if (calendar.equals(before.version().calendar())) {
      context.effects().changed(CalendarView.ENTITY, id, was, was);
      return Uni.createFrom().item(Result.ok(was));
    }
    Instant now = clock.instant();
    int version = before.version().ref().version() + 1;
    Calendars.Stored next =
        new Calendars.Stored(
            new CalendarVersion(new CalendarRef(before.id(), calendar.name(), version), calendar),
            Uuids.v7(now, random),
            context.actor().id().value(),
            now);
    return calendars
        .change(next)
        .map(
            changed -> {
              if (!changed) {
                return Result.<CalendarView>err(
                    ErrorCode.CONFLICT, CalendarLookup.nameTaken(calendar.name()));
              }
              CalendarView view = CalendarView.of(next);
              context.effects().changed(CalendarView.ENTITY, id, was, view);
              return Result.ok(view);
            });
  }
}
