package dev.triage.application.calendar;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Holiday;
import dev.triage.domain.sla.WorkingInterval;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar's whole definition as a client writes it, fields as raw as they came: times {@code
 * "HH:mm"}, dates {@code "YYYY-MM-DD"}, weekdays by name. {@link #define} reads them and hands the
 * rest to {@link BusinessCalendar#define}, so every refusal names its field the way the request
 * body spells it ({@code week.MONDAY[1].start}, {@code holidays[0].date}, {@code timeZone}).
 *
 * @param week working intervals by weekday name ({@code MONDAY} ... {@code SUNDAY}); a day left out
 *     has no working time
 * @param holidays absent for none
 */
public record CalendarInput(
    String name, String timeZone, Map<String, List<Interval>> week, List<HolidayInput> holidays) {

  /** The most working intervals one day may have. */
  public static final int MAX_INTERVALS_PER_DAY = 24;

  /** The most holidays one calendar may list. */
  public static final int MAX_HOLIDAYS = 500;

  private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Working hours as written: {@code "09:00"} to {@code "17:00"}. */
  public record Interval(String start, String end) {}

  /** A day off as written; {@code yearly} absent for false. */
  public record HolidayInput(String date, String name, Boolean yearly) {}

  /** {@code input}, or no fields at all when there is none (each required one is then named). */
  static CalendarInput orEmpty(CalendarInput input) {
    return input == null ? new CalendarInput(null, null, null, null) : input;
  }

  /** The calendar these fields define, or a refusal naming every offending field. */
  public Result<BusinessCalendar> define() {
    FieldErrors errors = new FieldErrors();
    Map<DayOfWeek, List<WorkingInterval>> days = week == null ? null : days(errors);
    List<Holiday> offs = holidays == null ? List.of() : holidays(errors);
    if (!errors.isEmpty()) {
      return errors.toResult(() -> null);
    }
    return BusinessCalendar.define(name, timeZone, days, offs);
  }

  private Map<DayOfWeek, List<WorkingInterval>> days(FieldErrors errors) {
    Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, List<Interval>> day : week.entrySet()) {
      DayOfWeek weekday = weekday(day.getKey());
      if (weekday == null) {
        errors.add("week", "has no day named " + cut(day.getKey()) + "; days are MONDAY to SUNDAY");
        continue;
      }
      List<Interval> given = day.getValue();
      String field = "week." + weekday;
      if (given == null) {
        continue;
      }
      if (given.size() > MAX_INTERVALS_PER_DAY) {
        errors.add(field, "must have at most " + MAX_INTERVALS_PER_DAY + " intervals");
        continue;
      }
      List<WorkingInterval> intervals = new ArrayList<>(given.size());
      for (int i = 0; i < given.size(); i++) {
        Interval interval = given.get(i);
        if (interval == null) {
          intervals.add(null);
          continue;
        }
        LocalTime start = time(interval.start(), field + "[" + i + "].start", errors);
        LocalTime end = time(interval.end(), field + "[" + i + "].end", errors);
        intervals.add(start == null || end == null ? null : WorkingInterval.of(start, end));
      }
      days.put(weekday, intervals);
    }
    return days;
  }

  private List<Holiday> holidays(FieldErrors errors) {
    if (holidays.size() > MAX_HOLIDAYS) {
      errors.add("holidays", "must have at most " + MAX_HOLIDAYS + " entries");
      return List.of();
    }
    List<Holiday> out = new ArrayList<>(holidays.size());
    for (int i = 0; i < holidays.size(); i++) {
      HolidayInput h = holidays.get(i);
      if (h == null) {
        out.add(null);
        continue;
      }
      LocalDate date = date(h.date(), "holidays[" + i + "].date", errors);
      if (date != null) {
        out.add(
            new Holiday(date, h.name() == null ? "" : h.name(), Boolean.TRUE.equals(h.yearly())));
      }
    }
    return out;
  }

  private static DayOfWeek weekday(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(name)) {
        return day;
      }
    }
    return null;
  }

  private static LocalTime time(String text, String field, FieldErrors errors) {
    if (text == null) {
      errors.add(field, "is required");
      return null;
    }
    Matcher m = TIME.matcher(text);
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = Integer.parseInt(m.group(2));
      if (hour < 24 && minute < 60) {
        return LocalTime.of(hour, minute);
      }
    }
    errors.add(
        field, "must be a time of day as HH:mm, 00:00 to 23:59 (an end of 00:00 is midnight)");
    return null;
  }

  private static LocalDate date(String text, String field, FieldErrors errors) {
    if (text == null) {
      errors.add(field, "is required");
      return null;
    }
    if (DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        // Falls through to the refusal below: no such day.
      }
    }
    errors.add(field, "must be a date as YYYY-MM-DD");
    return null;
  }

  /** A name echoed in a message, no longer than a reader needs. */
  private static String cut(String text) {
    String s = String.valueOf(text);
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
