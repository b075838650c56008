package dev.triage.application.calendar;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Calendars;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one page of calendars by name (keyset on name and id): one calendar more than the limit
 * tells whether another page follows, and the last one's position starts the next page.
 */
public final class ListCalendarsHandler implements Handler<ListCalendars, Page<CalendarView>> {

  private final Calendars calendars;

  public ListCalendarsHandler(Calendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public Uni<Result<Page<CalendarView>>> handle(ListCalendars query, RequestContext context) {
    Optional<Calendars.Position> after = Optional.empty();
    if (query.after().isPresent()) {
      after = position(query.after().get());
      if (after.isEmpty()) {
        return Uni.createFrom()
            .item(Result.err(ErrorCode.MALFORMED_REQUEST, "The cursor is not valid."));
      }
    }
    return calendars
        .page(after, query.limit() + 1)
        .map(
            rows ->
                Result.ok(
                    Page.of(rows, query.limit(), ListCalendarsHandler::position)
                        .map(CalendarView::of)));
  }

  /** The position of a calendar as text: its id, then its name (which may hold anything). */
  static String position(Calendars.Stored calendar) {
    return calendar.id() + "|" + calendar.version().ref().name();
  }

  static Optional<Calendars.Position> position(String text) {
    int bar = text.indexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    Optional<UUID> id = Uuids.parse(text.substring(0, bar));
    String name = text.substring(bar + 1);
    if (id.isEmpty() || name.indexOf('\u0000') >= 0) {
      return Optional.empty();
    }
    return Optional.of(new Calendars.Position(name, id.get()));
  }
}
