package dev.triage.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HolidayPropertiesTest {

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
  Arbitrary<LocalDate> firstDates() {
    return Arbitraries.integers().between(0, 364).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
  }

  /** {@code calendar} with one more holiday. */
  private static BusinessCalendar with(BusinessCalendar calendar, List<Holiday> extra) {
    List<Holiday> holidays = new ArrayList<>(calendar.holidays());
    holidays.addAll(extra);
    return new BusinessCalendar(calendar.name(), calendar.zone(), calendar.week(), holidays);
  }

  @Property(tries = 200)
  void a_yearly_holiday_counts_as_the_same_date_given_once_for_each_year(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("firstDates") LocalDate first,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration amount) {
    BusinessCalendar yearly = with(calendar, List.of(Holiday.yearly(first, "recurring")));
    List<Holiday> spelledOut = new ArrayList<>();
    for (int year = first.getYear(); year <= 2045; year++) {
      LocalDate date = first.withYear(year);
      if (date.getMonth() == first.getMonth() && date.getDayOfMonth() == first.getDayOfMonth()) {
        spelledOut.add(Holiday.on(date, "recurring"));
      }
    }
    BusinessCalendar once = with(calendar, spelledOut);
    Instant end = start.plus(Duration.ofDays(30));
    assertThat(yearly.addBusinessTime(start, amount))
        .isEqualTo(once.addBusinessTime(start, amount));
    assertThat(yearly.businessTimeBetween(start, end))
        .isEqualTo(once.businessTimeBetween(start, end));
    assertThat(yearly.skippedHolidays(start, end)).isEqualTo(once.skippedHolidays(start, end));
  }

  @Property(tries = 200)
  void adding_then_measuring_round_trips_with_yearly_holidays(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("firstDates") LocalDate first,
      @ForAll("instants") Instant start,
      @ForAll("durations") Duration amount) {
    BusinessCalendar yearly = with(calendar, List.of(Holiday.yearly(first, "recurring")));
    Instant due = yearly.addBusinessTime(start, amount);
    assertThat(yearly.businessTimeBetween(start, due)).isEqualTo(amount);
  }
}
