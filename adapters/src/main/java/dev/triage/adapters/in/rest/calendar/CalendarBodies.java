package dev.triage.adapters.in.rest.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.triage.application.calendar.CalendarInput;
import dev.triage.application.calendar.CalendarView;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Holiday;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the calendar endpoints (field names are part of the contract, issue 17). */
final class CalendarBodies {

  private static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

  private CalendarBodies() {}

  @Schema(
      name = "WorkingHours",
      description =
          "One working interval of a weekday, in the calendar's zone. An end at or before the"
              + " start crosses midnight into the next day; 00:00 to 00:00 is the whole day.")
  record HoursBody(
      @Schema(required = true, pattern = TIME, examples = "09:00") String start,
      @Schema(required = true, pattern = TIME, examples = "17:00") String end) {}

  @Schema(
      name = "Week",
      description =
          "Working intervals per weekday (several a day may be given); a day left out has no"
              + " working time. At least one day must have some.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WeekBody(
      @JsonProperty("MONDAY") List<HoursBody> monday,
      @JsonProperty("TUESDAY") List<HoursBody> tuesday,
      @JsonProperty("WEDNESDAY") List<HoursBody> wednesday,
      @JsonProperty("THURSDAY") List<HoursBody> thursday,
      @JsonProperty("FRIDAY") List<HoursBody> friday,
      @JsonProperty("SATURDAY") List<HoursBody> saturday,
      @JsonProperty("SUNDAY") List<HoursBody> sunday) {

    /** The days given, by name, Monday first. */
    Map<String, List<CalendarInput.Interval>> days() {
      Map<String, List<CalendarInput.Interval>> days = new LinkedHashMap<>();
      put(days, "MONDAY", monday);
      put(days, "TUESDAY", tuesday);
      put(days, "WEDNESDAY", wednesday);
      put(days, "THURSDAY", thursday);
      put(days, "FRIDAY", friday);
      put(days, "SATURDAY", saturday);
      put(days, "SUNDAY", sunday);
      return days;
    }

    private static void put(
        Map<String, List<CalendarInput.Interval>> days, String day, List<HoursBody> hours) {
      if (hours != null) {
        days.put(
            day,
            hours.stream()
                .map(h -> h == null ? null : new CalendarInput.Interval(h.start(), h.end()))
                .toList());
      }
    }

    static WeekBody of(Map<String, List<CalendarView.Hours>> week) {
      Function<String, List<HoursBody>> day =
          name ->
              week.containsKey(name)
                  ? week.get(name).stream().map(h -> new HoursBody(h.start(), h.end())).toList()
                  : null;
      return new WeekBody(
          day.apply("MONDAY"),
          day.apply("TUESDAY"),
          day.apply("WEDNESDAY"),
          day.apply("THURSDAY"),
          day.apply("FRIDAY"),
          day.apply("SATURDAY"),
          day.apply("SUNDAY"));
    }
  }

  @Schema(name = "Holiday", description = "A whole date off in the calendar's zone")
  record HolidayBody(
      @Schema(
              required = true,
              format = "date",
              description =
                  "The date (YYYY-MM-DD), from "
                      + Holiday.MIN_YEAR
                      + " to "
                      + Holiday.MAX_YEAR
                      + "; for a yearly holiday, the first year it falls",
              examples = "2026-12-24")
          String date,
      @Schema(required = true, maxLength = Holiday.MAX_NAME_LENGTH, examples = "Christmas Eve")
          String name,
      @Schema(description = "Whether it recurs on this month and day every year (default false)")
          Boolean yearly) {}

  @Schema(
      name = "CalendarDefinition",
      description = "A business calendar's whole definition; a change replaces all of it")
  record CalendarRequest(
      @Schema(
              required = true,
              maxLength = BusinessCalendar.MAX_NAME_LENGTH,
              description = "Unique among calendars, whatever the case",
              examples = "Berlin office")
          String name,
      @Schema(
              required = true,
              description = "An IANA time zone; offsets such as +01:00 are refused",
              examples = "Europe/Berlin")
          String timeZone,
      @Schema(required = true) WeekBody week,
      @Schema(maxItems = CalendarInput.MAX_HOLIDAYS, description = "Days off; absent for none")
          List<HolidayBody> holidays) {

    CalendarInput input() {
      return new CalendarInput(
          name,
          timeZone,
          week == null ? null : week.days(),
          holidays == null
              ? null
              : holidays.stream()
                  .map(
                      h ->
                          h == null
                              ? null
                              : new CalendarInput.HolidayInput(h.date(), h.name(), h.yearly()))
                  .toList());
    }
  }

  @Schema(name = "Calendar", description = "A business calendar at its current version")
  record CalendarResponse(
      UUID id,
      @Schema(description = "The version's number, from 1; the ETag") int version,
      String name,
      String timeZone,
      WeekBody week,
      List<HolidayBody> holidays) {

    static CalendarResponse of(CalendarView v) {
      return new CalendarResponse(
          v.id(),
          v.version(),
          v.name(),
          v.timeZone(),
          WeekBody.of(v.week()),
          v.holidays().stream().map(h -> new HolidayBody(h.date(), h.name(), h.yearly())).toList());
    }
  }

  @Schema(name = "CalendarPage")
  record CalendarPage(List<CalendarResponse> items, String nextCursor) {}
}
