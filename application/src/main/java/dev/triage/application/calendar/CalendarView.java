package dev.triage.application.calendar;

import dev.triage.application.port.Calendars;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Holiday;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a calendar as the API and the audit trail show it: the definition in the shape a
 * client writes it (times {@code "HH:mm"}, dates {@code "YYYY-MM-DD"}), with the calendar's id and
 * the version's number.
 *
 * @param week working intervals by weekday name, Monday first; days without any are left out
 */
public record CalendarView(
    UUID id,
    int version,
    String name,
    String timeZone,
    Map<String, List<Hours>> week,
    List<DayOff> holidays) {

  /** The audited entity type of calendars. */
  public static final String ENTITY = "Calendar";

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** Working hours of one interval. */
  public record Hours(String start, String end) {}

  /** A holiday: a date in the calendar's zone, its name, and whether it recurs every year. */
  public record DayOff(String date, String name, boolean yearly) {}

  public CalendarView {
    // Weekdays in their own order, whatever order the map came in (a stored answer is read back
    // with its keys sorted).
    Map<String, List<Hours>> ordered = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<Hours> hours = week.get(day.name());
      if (hours != null) {
        ordered.put(day.name(), List.copyOf(hours));
      }
    }
    week.forEach((day, hours) -> ordered.putIfAbsent(day, List.copyOf(hours)));
    week = Collections.unmodifiableMap(ordered);
    holidays = List.copyOf(holidays);
  }

  /** The stored version as it reads. */
  public static CalendarView of(Calendars.Stored stored) {
    BusinessCalendar calendar = stored.version().calendar();
    Map<String, List<Hours>> week = new LinkedHashMap<>();
    calendar
        .week()
        .forEach(
            (day, intervals) ->
                week.put(
                    day.name(),
                    intervals.stream()
                        .map(i -> new Hours(i.start().format(HH_MM), i.end().format(HH_MM)))
                        .toList()));
    List<DayOff> holidays =
        calendar.holidays().stream()
            .map((Holiday h) -> new DayOff(h.date().toString(), h.name(), h.yearly()))
            .toList();
    return new CalendarView(
        stored.id().value(),
        stored.version().ref().version(),
        calendar.name(),
        calendar.zone().getId(),
        week,
        holidays);
  }

  @Override
  public String toString() {
    return "CalendarView[id=" + id + ", version=" + version + ", name=" + name + "]";
  }
}
