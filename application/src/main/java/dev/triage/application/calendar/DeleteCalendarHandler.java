package dev.triage.application.calendar;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CalendarUsage;
import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * Deletes a calendar unless a policy measures in it (a conflict naming the policy), recording what
 * the calendar was.
 */
public final class DeleteCalendarHandler implements Handler<DeleteCalendar, Boolean> {

  private final Calendars calendars;
  private final CalendarUsage usage;
  private final Clock clock;

  public DeleteCalendarHandler(Calendars calendars, CalendarUsage usage, Clock clock) {
    this.calendars = calendars;
    this.usage = usage;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Boolean>> handle(DeleteCalendar command, RequestContext context) {
    return Results.then(
        CalendarLookup.lock(calendars, command.calendarId(), command.ifMatch()),
        found ->
            usage
                .usedBy(found.id())
                .flatMap(
                    policy -> {
                      if (policy.isPresent()) {
                        return Uni.createFrom()
                            .item(
                                Result.<Boolean>err(
                                    ErrorCode.CONFLICT,
                                    "Calendar "
                                        + found.version().ref().name()
                                        + " is used by "
                                        + policy.get()
                                        + "; it cannot be deleted while a policy uses it."));
                      }
                      context
                          .effects()
                          .changed(
                              CalendarView.ENTITY,
                              found.id().toString(),
                              CalendarView.of(found),
                              null);
                      return calendars
                          .delete(found.id(), clock.instant())
                          .replaceWith(Result.ok(true));
                    }));
  }
}
