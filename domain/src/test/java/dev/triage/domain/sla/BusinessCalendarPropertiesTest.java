package dev.triage.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BusinessCalendarPropertiesTest {

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return Calendars.calendars();
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Calendars.instants();
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Calendars.durations();
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Calendars.zones();
  }

  @Property(tries = 300)
  void adding_business_time_then_measuring_it_gives_it_back(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration amount) {
    Instant due = calendar.addBusinessTime(start, amount);
    assertThat(calendar.businessTimeBetween(start, due)).isEqualTo(amount);
  }

  @Property(tries = 300)
  void due_dates_are_monotonic_in_the_target(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration a,
      @ForAll("durations") Duration b) {
    Duration smaller = a.compareTo(b) <= 0 ? a : b;
    Duration larger = a.compareTo(b) <= 0 ? b : a;
    assertThat(calendar.addBusinessTime(start, smaller))
        .isBeforeOrEqualTo(calendar.addBusinessTime(start, larger));
  }

  @Property(tries = 300)
  void a_due_date_for_a_positive_target_closes_working_time(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration amount) {
    Duration positive = amount.isZero() ? Duration.ofSeconds(1) : amount;
    Instant due = calendar.addBusinessTime(start, positive);
    assertThat(due).isAfter(start);
    assertThat(calendar.isWorkingTime(due.minusNanos(1)))
        .as("the moment before %s is working time", due)
        .isTrue();
  }

  @Property(tries = 200)
  void adding_in_two_steps_lands_where_adding_at_once_does(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration first,
      @ForAll("durations") Duration second) {
    Instant stepwise = calendar.addBusinessTime(calendar.addBusinessTime(start, first), second);
    assertThat(stepwise).isEqualTo(calendar.addBusinessTime(start, first.plus(second)));
  }

  @Property(tries = 200)
  void business_time_adds_up_over_consecutive_spans(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant a,
      @ForAll("durations") Duration ab,
      @ForAll("durations") Duration bc) {
    Instant b = a.plus(ab);
    Instant c = b.plus(bc);
    assertThat(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)))
        .isEqualTo(calendar.businessTimeBetween(a, c));
    assertThat(calendar.businessTimeBetween(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
  }

  @Property(tries = 200)
  void working_time_ranges_are_ordered_disjoint_and_inside_the_window(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant from,
      @ForAll("durations") Duration span) {
    Instant to = from.plus(span.multipliedBy(3));
    var ranges = calendar.workingTime(from, to);
    for (int i = 0; i < ranges.size(); i++) {
      TimeRange r = ranges.get(i);
      assertThat(r.start()).isBefore(r.end());
      assertThat(r.start()).isAfterOrEqualTo(from);
      assertThat(r.end()).isBeforeOrEqualTo(to);
      if (i > 0) {
        assertThat(r.start()).isAfter(ranges.get(i - 1).end());
      }
    }
  }

  @Property(tries = 200)
  void a_24x7_calendar_gives_the_same_results_in_every_zone(
      @ForAll("zones") ZoneId zone,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration amount) {
    BusinessCalendar here = BusinessCalendar.twentyFourSeven(zone);
    BusinessCalendar utc = BusinessCalendar.twentyFourSeven();
    assertThat(here.addBusinessTime(start, amount)).isEqualTo(start.plus(amount));
    assertThat(here.addBusinessTime(start, amount)).isEqualTo(utc.addBusinessTime(start, amount));
    assertThat(here.businessTimeBetween(start, start.plus(amount))).isEqualTo(amount);
  }

  /**
   * The round-the-clock shortcut answers what walking the days answers: the same week written as
   * two half days takes the general path.
   */
  @Property(tries = 200)
  void the_24x7_shortcut_agrees_with_walking_the_days(
      @ForAll("zones") ZoneId zone,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration amount) {
    BusinessCalendar shortcut = BusinessCalendar.twentyFourSeven(zone);
    java.util.EnumMap<java.time.DayOfWeek, java.util.List<WorkingInterval>> halves =
        new java.util.EnumMap<>(java.time.DayOfWeek.class);
    for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
      halves.put(
          day,
          java.util.List.of(
              WorkingInterval.of(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.NOON),
              WorkingInterval.of(java.time.LocalTime.NOON, java.time.LocalTime.MIDNIGHT)));
    }
    BusinessCalendar walked =
        new BusinessCalendar("halves", zone, halves, java.util.List.<Holiday>of());
    Instant end = start.plus(amount);
    assertThat(shortcut.addBusinessTime(start, amount))
        .isEqualTo(walked.addBusinessTime(start, amount));
    assertThat(shortcut.businessTimeBetween(start, end))
        .isEqualTo(walked.businessTimeBetween(start, end));
    assertThat(shortcut.workingTime(start, end)).isEqualTo(walked.workingTime(start, end));
    assertThat(shortcut.isWorkingTime(start)).isEqualTo(walked.isWorkingTime(start));
  }
}
