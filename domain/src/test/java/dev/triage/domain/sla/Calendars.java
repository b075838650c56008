package dev.triage.domain.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for calendars, instants and durations used by the property tests. */
final class Calendars {

  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Pacific/Chatham"),
          ZoneId.of("America/Sao_Paulo"));

  private static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-12-31T00:00:00Z");

  private Calendars() {}

  static Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES);
  }

  /** Instants over two years, half of them on whole quarter hours to hit interval edges. */
  static Arbitrary<Instant> instants() {
    Arbitrary<Instant> anySecond =
        Arbitraries.longs()
            .between(FROM.getEpochSecond(), TO.getEpochSecond())
            .map(Instant::ofEpochSecond);
    Arbitrary<Instant> quarterHours =
        Arbitraries.longs()
            .between(FROM.getEpochSecond() / 900, TO.getEpochSecond() / 900)
            .map(q -> Instant.ofEpochSecond(q * 900));
    return Arbitraries.oneOf(anySecond, quarterHours);
  }

  /** Business durations from zero to 100 hours, in seconds. */
  static Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100 * 3600).map(Duration::ofSeconds),
        Arbitraries.integers().between(0, 400).map(q -> Duration.ofMinutes(15L * q)));
  }

  static Arbitrary<BusinessCalendar> calendars() {
    Arbitrary<List<WorkingInterval>> day =
        Arbitraries.oneOf(
            Arbitraries.just(List.of()),
            sameDayIntervals(1),
            sameDayIntervals(2),
            crossingMidnight(),
            Arbitraries.just(List.of(WorkingInterval.allDay())));
    Arbitrary<Map<DayOfWeek, List<WorkingInterval>>> week =
        day.list()
            .ofSize(7)
            .map(
                days -> {
                  Map<DayOfWeek, List<WorkingInterval>> map = new EnumMap<>(DayOfWeek.class);
                  for (int i = 0; i < 7; i++) {
                    map.put(DayOfWeek.of(i + 1), days.get(i));
                  }
                  if (map.values().stream().allMatch(List::isEmpty)) {
                    map.put(
                        DayOfWeek.WEDNESDAY,
                        List.of(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(17, 0))));
                  }
                  return map;
                });
    Arbitrary<Set<LocalDate>> holidays =
        Arbitraries.integers()
            .between(0, 730)
            .map(d -> LocalDate.of(2026, 1, 1).plusDays(d))
            .set()
            .ofMaxSize(25);
    return Combinators.combine(zones(), week, holidays)
        .as((zone, w, h) -> new BusinessCalendar("generated", zone, w, h));
  }

  /** {@code count} intervals inside one day, at least 30 minutes each, not overlapping. */
  private static Arbitrary<List<WorkingInterval>> sameDayIntervals(int count) {
    return Arbitraries.integers()
        .between(0, 95)
        .set()
        .ofSize(count * 2)
        .map(
            quarters -> {
              List<Integer> sorted = new ArrayList<>(quarters);
              sorted.sort(Integer::compareTo);
              List<WorkingInterval> intervals = new ArrayList<>();
              for (int i = 0; i < sorted.size(); i += 2) {
                int start = sorted.get(i);
                int end = Math.max(sorted.get(i + 1), start + 2);
                intervals.add(
                    WorkingInterval.of(
                        quarter(start), end >= 96 ? LocalTime.MIDNIGHT : quarter(end)));
              }
              return removeOverlaps(intervals);
            });
  }

  private static List<WorkingInterval> removeOverlaps(List<WorkingInterval> intervals) {
    List<WorkingInterval> kept = new ArrayList<>();
    for (WorkingInterval candidate : intervals) {
      if (kept.isEmpty() || candidate.startSecond() >= kept.getLast().endSecond()) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static Arbitrary<List<WorkingInterval>> crossingMidnight() {
    return Combinators.combine(
            Arbitraries.integers().between(64, 95), Arbitraries.integers().between(1, 40))
        .as((start, end) -> List.of(WorkingInterval.of(quarter(start), quarter(end))));
  }

  private static LocalTime quarter(int q) {
    return LocalTime.ofSecondOfDay(q * 900L);
  }
}
