package dev.triage.domain.sla;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A day off in a calendar's zone: a whole date with a name, once or every year. A yearly holiday
 * recurs on the same month and day in the year of {@code date} and every year after it (a yearly 29
 * February falls only in leap years). A calendar holds holidays from {@value #MIN_YEAR} to {@value
 * #MAX_YEAR}; {@link BusinessCalendar} refuses others, naming the field.
 *
 * <p>The name may be empty only for holidays given as bare dates (the older {@link
 * BusinessCalendar} constructor); a calendar defined through the API always names them.
 */
public record Holiday(LocalDate date, String name, boolean yearly) {

  /** The first year a calendar can hold. */
  public static final int MIN_YEAR = 1970;

  /** The last year a calendar can hold. */
  public static final int MAX_YEAR = 2200;

  /** The longest name, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
  }

  /** A one-off holiday. */
  public static Holiday on(LocalDate date, String name) {
    return new Holiday(date, name, false);
  }

  /** A holiday every year from {@code firstDate} on. */
  public static Holiday yearly(LocalDate firstDate, String name) {
    return new Holiday(firstDate, name, true);
  }

  /** True when a calendar can hold {@code date}. */
  public static boolean holdable(LocalDate date) {
    return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
  }

  /** True when this holiday falls on {@code day}. */
  public boolean fallsOn(LocalDate day) {
    if (!yearly) {
      return date.equals(day);
    }
    return day.getYear() >= date.getYear() && MonthDay.from(day).equals(MonthDay.from(date));
  }
}
