package dev.triage.domain.sla;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Texts;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The checks behind {@link BusinessCalendar}: the structure every calendar keeps (the constructor
 * refuses anything else) and the stricter rules for a calendar an admin defines, each problem named
 * by its field in the request body.
 */
final class CalendarRules {

  private CalendarRules() {}

  /** Every problem of a calendar as an admin defines it ({@link BusinessCalendar#define}). */
  static FieldErrors definition(
      String name,
      String timeZone,
      Map<DayOfWeek, List<WorkingInterval>> week,
      List<Holiday> holidays) {
    FieldErrors errors = new FieldErrors();
    if (name != null && Texts.length(name.strip()) > BusinessCalendar.MAX_NAME_LENGTH) {
      errors.add("name", "must be at most " + BusinessCalendar.MAX_NAME_LENGTH + " characters");
    }
    checkZone(timeZone, errors);
    if (week != null) {
      week.forEach(
          (day, intervals) -> {
            for (int i = 0; intervals != null && i < intervals.size(); i++) {
              WorkingInterval interval = intervals.get(i);
              if (interval != null
                  && interval.start().equals(interval.end())
                  && !interval.equals(WorkingInterval.allDay())) {
                errors.add(
                    "week." + day + "[" + i + "]",
                    "is empty: start equals end (00:00-00:00 is the whole day)");
              }
            }
          });
    }
    if (holidays != null) {
      for (int i = 0; i < holidays.size(); i++) {
        Holiday h = holidays.get(i);
        if (h != null && Texts.isBlank(h.name())) {
          errors.add("holidays[" + i + "].name", "must not be blank");
        } else if (h != null && Texts.length(h.name().strip()) > Holiday.MAX_NAME_LENGTH) {
          errors.add(
              "holidays[" + i + "].name",
              "must be at most " + Holiday.MAX_NAME_LENGTH + " characters");
        }
      }
    }
    check(name, week, holidays, errors);
    return errors;
  }

  private static void checkZone(String timeZone, FieldErrors errors) {
    if (Texts.isBlank(timeZone)) {
      errors.add("timeZone", "is required");
    } else if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
      errors.add("timeZone", "must be an IANA time zone such as Europe/Berlin");
    }
  }

  /** The rules every calendar keeps, whichever way it is made (the constructor's). */
  static FieldErrors structure(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<WorkingInterval>> week,
      List<Holiday> holidays) {
    FieldErrors errors = new FieldErrors();
    if (zone == null) {
      errors.add("timeZone", "is required");
    }
    check(name, week, holidays, errors);
    return errors;
  }

  private static void check(
      String name,
      Map<DayOfWeek, List<WorkingInterval>> week,
      List<Holiday> holidays,
      FieldErrors errors) {
    if (Texts.isBlank(name)) {
      errors.add("name", "must not be blank");
    }
    if (week == null) {
      errors.add("week", "is required");
    } else {
      boolean anyWork = false;
      for (Map.Entry<DayOfWeek, List<WorkingInterval>> day : week.entrySet()) {
        anyWork |= checkDay(day.getKey(), day.getValue(), errors);
      }
      if (!anyWork) {
        errors.add("week", "needs at least one working interval");
      }
    }
    if (holidays == null) {
      errors.add("holidays", "are required");
      return;
    }
    for (int i = 0; i < holidays.size(); i++) {
      Holiday h = holidays.get(i);
      if (h == null) {
        errors.add("holidays[" + i + "]", "must not be null");
      } else if (!Holiday.holdable(h.date())) {
        errors.add(
            "holidays[" + i + "].date",
            "must lie in the years " + Holiday.MIN_YEAR + " to " + Holiday.MAX_YEAR);
      }
    }
  }

  /** Checks one weekday's intervals; true when it has any. */
  private static boolean checkDay(
      DayOfWeek day, List<WorkingInterval> intervals, FieldErrors errors) {
    String field = "week." + day;
    if (day == null || intervals == null) {
      errors.add(day == null ? "week" : field, "must list working intervals");
      return false;
    }
    for (int i = 0; i < intervals.size(); i++) {
      WorkingInterval interval = intervals.get(i);
      if (interval == null) {
        errors.add(field + "[" + i + "]", "must not be null");
        continue;
      }
      for (int j = 0; j < i; j++) {
        WorkingInterval earlier = intervals.get(j);
        if (earlier != null
            && interval.startSecond() < earlier.endSecond()
            && earlier.startSecond() < interval.endSecond()) {
          errors.add(
              field + "[" + i + "]",
              "overlaps " + field + "[" + j + "] (" + earlier + " and " + interval + ")");
          break;
        }
      }
    }
    return !intervals.isEmpty();
  }
}
