package dev.triage.domain.sla;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * When support works: a time zone, working intervals per weekday (several per day, possibly
 * crossing midnight) and holidays (whole dates in that zone, named, once or every year). Business
 * time is real elapsed time inside working intervals, so arithmetic is exact across daylight-saving
 * changes: a local time that does not exist moves forward by the gap, one that exists twice means
 * its earlier instance.
 *
 * <p>A holiday blanks out its whole date, including the part of an interval that crosses into it
 * from the day before. Intervals that overlap (or touch) count once. Holidays lie in the years
 * {@value Holiday#MIN_YEAR} to {@value Holiday#MAX_YEAR}.
 *
 * <p>{@link #define} checks a calendar as an admin writes it and names each offending field for a
 * 422; the constructor refuses the same structural problems with an {@link
 * IllegalArgumentException} (corrupt stored data).
 */
public record BusinessCalendar(
    String name, ZoneId zone, Map<DayOfWeek, List<WorkingInterval>> week, List<Holiday> holidays) {

  private static final Duration WINDOW = Duration.ofDays(28);

  /** Enough windows for targets of about a century; more means a misconfigured calendar. */
  private static final int MAX_WINDOWS = 1_400;

  /** The longest calendar name {@link #define} accepts, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

  public BusinessCalendar {
    FieldErrors problems = CalendarRules.structure(name, zone, week, holidays);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid calendar " + name + ": " + problems);
    }
    EnumMap<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach(
        (day, intervals) -> {
          if (!intervals.isEmpty()) {
            List<WorkingInterval> sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparing(WorkingInterval::start));
            copy.put(day, List.copyOf(sorted));
          }
        });
    week = Collections.unmodifiableMap(copy);
    List<Holiday> sortedHolidays = new ArrayList<>(holidays);
    sortedHolidays.sort(
        Comparator.comparing(Holiday::date)
            .thenComparing(Holiday::name)
            .thenComparing((Holiday h) -> h.yearly()));
    holidays = List.copyOf(sortedHolidays);
  }

  /**
   * A calendar whose holidays are bare one-off dates without names (as before holidays had them).
   */
  public BusinessCalendar(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<WorkingInterval>> week,
      Set<LocalDate> holidays) {
    this(name, zone, week, unnamed(holidays));
  }

  private static List<Holiday> unnamed(Set<LocalDate> dates) {
    Objects.requireNonNull(dates, "holidays");
    return dates.stream().map(d -> Holiday.on(d, "")).toList();
  }

  /** A calendar from configuration with bare holiday dates; a rejection names the field. */
  public static Result<BusinessCalendar> of(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<WorkingInterval>> week,
      Set<LocalDate> holidays) {
    return holidays == null
        ? Result.invalid("holidays", "are required")
        : of(name, zone, week, unnamed(holidays));
  }

  /** A calendar from configuration; a rejection names the offending field. */
  public static Result<BusinessCalendar> of(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<WorkingInterval>> week,
      List<Holiday> holidays) {
    return CalendarRules.structure(name, zone, week, holidays)
        .toResult(() -> new BusinessCalendar(name, zone, week, holidays));
  }

  /**
   * A calendar as an admin defines it through the API, every problem named by its field: {@code
   * name} (blank or longer than {@value #MAX_NAME_LENGTH} characters), {@code timeZone} (not an
   * IANA zone id such as {@code Europe/Berlin}; offsets are refused), {@code week.MONDAY[1]} (an
   * empty interval, start equal to end other than the whole day {@code 00:00-00:00}, or one that
   * overlaps an earlier interval of that day), {@code week} (no working time at all), {@code
   * holidays[2].date} (outside {@value Holiday#MIN_YEAR}..{@value Holiday#MAX_YEAR}) and {@code
   * holidays[2].name} (blank or too long).
   */
  public static Result<BusinessCalendar> define(
      String name,
      String timeZone,
      Map<DayOfWeek, List<WorkingInterval>> week,
      List<Holiday> holidays) {
    FieldErrors errors = CalendarRules.definition(name, timeZone, week, holidays);
    if (!errors.isEmpty()) {
      return errors.toResult(() -> null);
    }
    List<Holiday> trimmed =
        holidays.stream().map(h -> new Holiday(h.date(), h.name().strip(), h.yearly())).toList();
    return Result.ok(new BusinessCalendar(name.strip(), ZoneId.of(timeZone), week, trimmed));
  }

  /** Round the clock, every day, no holidays: business time is plain elapsed time. */
  public static BusinessCalendar twentyFourSeven() {
    return twentyFourSeven(ZoneOffset.UTC);
  }

  /** Round the clock in {@code zone}; gives the same results as in any other zone. */
  public static BusinessCalendar twentyFourSeven(ZoneId zone) {
    EnumMap<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(WorkingInterval.allDay()));
    }
    return new BusinessCalendar("24x7", zone, week, List.<Holiday>of());
  }

  /** Monday to Friday with the same hours each day. */
  public static BusinessCalendar weekdays(
      String name, ZoneId zone, LocalTime start, LocalTime end, Set<LocalDate> holidays) {
    EnumMap<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      week.put(day, List.of(WorkingInterval.of(start, end)));
    }
    return new BusinessCalendar(name, zone, week, holidays);
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * The earliest instant by which {@code amount} of business time has passed since {@code start}.
   * For a positive amount the result is never in non-working time, except that it may be the very
   * end of a working interval ("due by 17:00").
   */
  public Instant addBusinessTime(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative business time: " + amount);
    }
    if (amount.isZero()) {
      return start;
    }
    if (roundTheClock()) {
      return start.plus(amount);
    }
    Duration remaining = amount;
    Instant cursor = start;
    for (int i = 0; i < MAX_WINDOWS; i++) {
      Instant windowEnd = cursor.plus(WINDOW);
      for (TimeRange range : workingTime(cursor, windowEnd)) {
        Duration length = range.duration();
        if (length.compareTo(remaining) >= 0) {
          return range.start().plus(remaining);
        }
        remaining = remaining.minus(length);
      }
      cursor = windowEnd;
    }
    throw new IllegalStateException(
        "calendar " + name + " has too little working time to add " + amount);
  }

  /** Business time in {@code [from, to)}; negative when {@code to} is before {@code from}. */
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return businessTimeBetween(to, from).negated();
    }
    if (roundTheClock()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    for (TimeRange range : workingTime(from, to)) {
      total = total.plus(range.duration());
    }
    return total;
  }

  /** True when {@code t} lies inside working time. */
  public boolean isWorkingTime(Instant t) {
    return !workingTime(t, t.plusNanos(1)).isEmpty();
  }

  /** The working time inside {@code [from, to)}, as ordered, disjoint, non-touching ranges. */
  public List<TimeRange> workingTime(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return List.of();
    }
    if (roundTheClock()) {
      return List.of(new TimeRange(from, to));
    }
    List<TimeRange> pieces = new ArrayList<>();
    for (Piece piece : pieces(from, to)) {
      if (holidayOn(piece.date()).isEmpty()) {
        pieces.add(piece.range());
      }
    }
    pieces.sort(Comparator.comparing(TimeRange::start));
    List<TimeRange> merged = new ArrayList<>();
    for (TimeRange piece : pieces) {
      Instant start = piece.start().isBefore(from) ? from : piece.start();
      Instant end = piece.end().isAfter(to) ? to : piece.end();
      if (!end.isAfter(start)) {
        continue;
      }
      if (!merged.isEmpty() && !start.isAfter(merged.getLast().end())) {
        TimeRange last = merged.removeLast();
        merged.add(new TimeRange(last.start(), end.isAfter(last.end()) ? end : last.end()));
      } else {
        merged.add(new TimeRange(start, end));
      }
    }
    return merged;
  }

  /**
   * The holidays inside {@code [from, to)} that took working time away: dates whose intervals would
   * otherwise have counted.
   */
  public List<LocalDate> holidaysSkipped(Instant from, Instant to) {
    return skippedHolidays(from, to).stream().map(SkippedHoliday::date).toList();
  }

  /** As {@link #holidaysSkipped}, each date with the name of its holiday, in date order. */
  public List<SkippedHoliday> skippedHolidays(Instant from, Instant to) {
    if (!to.isAfter(from) || holidays.isEmpty()) {
      return List.of();
    }
    TreeMap<LocalDate, SkippedHoliday> skipped = new TreeMap<>();
    for (Piece piece : pieces(from, to)) {
      if (piece.range().end().isAfter(from) && piece.range().start().isBefore(to)) {
        holidayOn(piece.date())
            .ifPresent(
                h -> skipped.putIfAbsent(piece.date(), new SkippedHoliday(piece.date(), h.name())));
      }
    }
    return List.copyOf(skipped.values());
  }

  /**
   * The holiday that falls on {@code date} in this calendar, if any; when several do, the first
   * with a name (by date, then name).
   */
  public Optional<Holiday> holidayOn(LocalDate date) {
    Holiday found = null;
    for (Holiday h : holidays) {
      if (h.fallsOn(date)) {
        if (!h.name().isEmpty()) {
          return Optional.of(h);
        }
        found = found == null ? h : found;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Every day works from midnight to midnight and no holiday takes a day away: business time is
   * elapsed time, whatever the zone (a day of 23 or 25 hours is still worked whole), so the
   * arithmetic needs no walk over the days. Seven map lookups; the default calendar is this one.
   */
  private boolean roundTheClock() {
    if (!holidays.isEmpty() || week.size() != DayOfWeek.values().length) {
      return false;
    }
    for (List<WorkingInterval> intervals : week.values()) {
      if (intervals.size() != 1
          || !intervals.getFirst().start().equals(LocalTime.MIDNIGHT)
          || !intervals.getFirst().end().equals(LocalTime.MIDNIGHT)) {
        return false;
      }
    }
    return true;
  }

  /** A stretch of configured working time, tagged with the date it falls on. */
  private record Piece(TimeRange range, LocalDate date) {}

  /** Every configured piece of working time that may touch {@code [from, to)}, holidays kept. */
  private List<Piece> pieces(Instant from, Instant to) {
    List<Piece> pieces = new ArrayList<>();
    LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      for (WorkingInterval interval : week.getOrDefault(date.getDayOfWeek(), List.of())) {
        Instant start = ZonedDateTime.of(date, interval.start(), zone).toInstant();
        if (!interval.crossesMidnight()) {
          Instant end = ZonedDateTime.of(date, interval.end(), zone).toInstant();
          addPiece(pieces, start, end, date);
          continue;
        }
        LocalDate next = date.plusDays(1);
        Instant midnight = next.atStartOfDay(zone).toInstant();
        Instant end =
            interval.end().equals(LocalTime.MIDNIGHT)
                ? midnight
                : ZonedDateTime.of(next, interval.end(), zone).toInstant();
        addPiece(pieces, start, midnight, date);
        addPiece(pieces, midnight, end, next);
      }
    }
    return pieces;
  }

  private static void addPiece(List<Piece> pieces, Instant start, Instant end, LocalDate date) {
    if (end.isAfter(start)) {
      pieces.add(new Piece(new TimeRange(start, end), date));
    }
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + name + ", " + zone + "]";
  }
}
