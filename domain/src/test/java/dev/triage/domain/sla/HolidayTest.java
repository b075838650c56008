package dev.triage.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HolidayTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN).toInstant();
  }

  private static BusinessCalendar office(List<Holiday> holidays) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      week.put(day, List.of(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(17, 0))));
    }
    return new BusinessCalendar("office", BERLIN, week, holidays);
  }

  @Test
  void a_yearly_holiday_recurs_from_its_year_on_and_not_before() {
    Holiday christmas = Holiday.yearly(LocalDate.of(2026, 12, 25), "Christmas Day");
    assertThat(christmas.fallsOn(LocalDate.of(2026, 12, 25))).isTrue();
    assertThat(christmas.fallsOn(LocalDate.of(2031, 12, 25))).isTrue();
    assertThat(christmas.fallsOn(LocalDate.of(2025, 12, 25))).isFalse();
    assertThat(christmas.fallsOn(LocalDate.of(2027, 12, 24))).isFalse();
    Holiday once = Holiday.on(LocalDate.of(2026, 12, 25), "Christmas Day");
    assertThat(once.fallsOn(LocalDate.of(2027, 12, 25))).isFalse();
  }

  @Test
  void a_yearly_29_february_falls_only_in_leap_years() {
    Holiday leap = Holiday.yearly(LocalDate.of(2028, 2, 29), "Leap day");
    assertThat(leap.fallsOn(LocalDate.of(2032, 2, 29))).isTrue();
    assertThat(leap.fallsOn(LocalDate.of(2029, 2, 28))).isFalse();
    assertThat(leap.fallsOn(LocalDate.of(2029, 3, 1))).isFalse();
  }

  @Test
  void arithmetic_skips_a_yearly_holiday_in_later_years() {
    BusinessCalendar cal =
        office(List.of(Holiday.yearly(LocalDate.of(2026, 12, 25), "Christmas Day")));
    // Monday 24 December 2029, 16:00; Tuesday the 25th is the holiday again.
    Instant due = cal.addBusinessTime(at("2029-12-24T16:00"), Duration.ofHours(2));
    assertThat(due).isEqualTo(at("2029-12-26T10:00"));
    assertThat(cal.businessTimeBetween(at("2029-12-24T00:00"), at("2029-12-31T00:00")))
        .isEqualTo(Duration.ofHours(32));
    assertThat(cal.isWorkingTime(at("2029-12-25T10:00"))).isFalse();
    assertThat(cal.workingTime(at("2029-12-24T00:00"), at("2029-12-27T00:00")))
        .containsExactly(
            new TimeRange(at("2029-12-24T09:00"), at("2029-12-24T17:00")),
            new TimeRange(at("2029-12-26T09:00"), at("2029-12-26T17:00")));
  }

  @Test
  void skipped_holidays_carry_their_names() {
    BusinessCalendar cal =
        office(
            List.of(
                Holiday.yearly(LocalDate.of(2026, 12, 25), "Christmas Day"),
                Holiday.on(LocalDate.of(2027, 12, 31), "Year end"),
                Holiday.on(LocalDate.of(2027, 12, 26), "Sunday, no work anyway")));
    assertThat(cal.skippedHolidays(at("2027-12-20T00:00"), at("2028-01-03T00:00")))
        .containsExactly(new SkippedHoliday(LocalDate.of(2027, 12, 31), "Year end"));
    assertThat(cal.skippedHolidays(at("2026-12-20T00:00"), at("2027-01-03T00:00")))
        .containsExactly(new SkippedHoliday(LocalDate.of(2026, 12, 25), "Christmas Day"));
    assertThat(cal.holidaysSkipped(at("2026-12-20T00:00"), at("2027-01-03T00:00")))
        .containsExactly(LocalDate.of(2026, 12, 25));
  }

  @Test
  void bare_dates_behave_as_before_and_have_no_names() {
    LocalDate friday = LocalDate.of(2026, 3, 6);
    BusinessCalendar bare =
        BusinessCalendar.weekdays(
            "office", BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(friday));
    assertThat(bare).isEqualTo(office(List.of(Holiday.on(friday, ""))));
    assertThat(bare.addBusinessTime(at("2026-03-05T16:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-03-09T10:00"));
    assertThat(bare.skippedHolidays(at("2026-03-01T00:00"), at("2026-03-10T00:00")))
        .extracting(SkippedHoliday::toString)
        .containsExactly("2026-03-06");
  }

  @Test
  void the_holiday_on_a_date_is_found_by_date() {
    BusinessCalendar cal = office(List.of(Holiday.yearly(LocalDate.of(2026, 5, 1), "Labour Day")));
    assertThat(cal.holidayOn(LocalDate.of(2030, 5, 1))).map(Holiday::name).contains("Labour Day");
    assertThat(cal.holidayOn(LocalDate.of(2030, 5, 2))).isEmpty();
  }
}
