package dev.triage.application.calendar;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Checks the definition (every refusal names its field), then stores the calendar with its first
 * version; a name a live calendar already has is a conflict.
 */
public final class CreateCalendarHandler implements Handler<CreateCalendar, CalendarView> {

  private final Calendars calendars;
  private final Clock clock;
  private final RandomGenerator random;

  public CreateCalendarHandler(Calendars calendars, Clock clock, RandomGenerator random) {
    this.calendars = calendars;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<CalendarView>> handle(CreateCalendar command, RequestContext context) {
    Instant now = clock.instant();
    return Results.then(
        CalendarInput.orEmpty(command.calendar()).define(),
        calendar -> {
          CalendarId id = CalendarId.newId(now, random);
          Calendars.Stored stored =
              new Calendars.Stored(
                  new CalendarVersion(new CalendarRef(id, calendar.name(), 1), calendar),
                  Uuids.v7(now, random),
                  context.actor().id().value(),
                  now);
          return calendars
              .add(stored)
              .map(
                  added -> {
                    if (!added) {
                      return Result.<CalendarView>err(
                          ErrorCode.CONFLICT, CalendarLookup.nameTaken(calendar.name()));
                    }
                    CalendarView view = CalendarView.of(stored);
                    context.effects().changed(CalendarView.ENTITY, id.toString(), null, view);
                    return Result.ok(view);
                  });
        });
  }
}
