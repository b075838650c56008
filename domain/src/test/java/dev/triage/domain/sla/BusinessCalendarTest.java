package dev.triage.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.shared.Result;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant at(String localDateTime, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  private static BusinessCalendar nineToFive(ZoneId zone, LocalDate... holidays) {
    return BusinessCalendar.weekdays(
        "office", zone, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(holidays));
  }

  private static BusinessCalendar everyDay(ZoneId zone, WorkingInterval interval) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      week.put(d, List.of(interval));
    }
    return new BusinessCalendar("every day", zone, week, Set.of());
  }

  @Test
  void time_added_late_on_friday_continues_on_monday_morning() {
    BusinessCalendar office = nineToFive(BERLIN);
    assertThat(office.addBusinessTime(at("2026-03-06T16:30", BERLIN), Duration.ofHours(1)))
        .isEqualTo(at("2026-03-09T09:30", BERLIN));
  }

  @Test
  void a_due_date_may_be_the_end_of_the_working_day_but_not_the_next_morning() {
    BusinessCalendar office = nineToFive(BERLIN);
    assertThat(office.addBusinessTime(at("2026-03-02T09:00", BERLIN), Duration.ofHours(8)))
        .isEqualTo(at("2026-03-02T17:00", BERLIN));
  }

  @Test
  void time_started_outside_working_hours_counts_from_the_next_interval() {
    BusinessCalendar office = nineToFive(BERLIN);
    assertThat(office.addBusinessTime(at("2026-03-07T12:00", BERLIN), Duration.ofMinutes(30)))
        .isEqualTo(at("2026-03-09T09:30", BERLIN));
    assertThat(
            office.businessTimeBetween(
                at("2026-03-07T00:00", BERLIN), at("2026-03-09T00:00", BERLIN)))
        .isZero();
  }

  @Test
  void the_berlin_spring_forward_day_has_23_hours_of_round_the_clock_work() {
    BusinessCalendar allDay = everyDay(BERLIN, WorkingInterval.allDay());
    Instant sundayStart = at("2026-03-29T00:00", BERLIN);
    Instant mondayStart = at("2026-03-30T00:00", BERLIN);
    assertThat(allDay.businessTimeBetween(sundayStart, mondayStart))
        .isEqualTo(Duration.ofHours(23));
    assertThat(allDay.addBusinessTime(sundayStart, Duration.ofHours(23))).isEqualTo(mondayStart);
  }

  @Test
  void a_night_interval_through_the_missing_berlin_hour_is_one_hour_shorter() {
    BusinessCalendar night =
        everyDay(BERLIN, WorkingInterval.of(LocalTime.of(1, 0), LocalTime.of(4, 0)));
    Instant from = at("2026-03-29T00:00", BERLIN);
    Instant to = at("2026-03-29T12:00", BERLIN);
    assertThat(night.businessTimeBetween(from, to)).isEqualTo(Duration.ofHours(2));
    assertThat(night.addBusinessTime(from, Duration.ofMinutes(90)))
        .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void the_berlin_fall_back_day_has_25_hours_of_round_the_clock_work() {
    BusinessCalendar allDay = everyDay(BERLIN, WorkingInterval.allDay());
    Instant sundayStart = at("2026-10-25T00:00", BERLIN);
    assertThat(allDay.businessTimeBetween(sundayStart, at("2026-10-26T00:00", BERLIN)))
        .isEqualTo(Duration.ofHours(25));
    assertThat(allDay.addBusinessTime(sundayStart, Duration.ofHours(3)))
        .isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
  }

  @Test
  void office_hours_in_new_york_stay_eight_hours_across_the_spring_change() {
    BusinessCalendar office = nineToFive(NEW_YORK);
    Instant fridayClose = at("2026-03-06T17:00", NEW_YORK);
    Instant due = office.addBusinessTime(fridayClose, Duration.ofHours(8));
    assertThat(due).isEqualTo(at("2026-03-09T17:00", NEW_YORK));
    assertThat(due).isEqualTo(Instant.parse("2026-03-09T21:00:00Z"));
    assertThat(Duration.between(fridayClose, due)).isEqualTo(Duration.ofHours(71));
  }

  @Test
  void a_new_york_night_shift_over_the_repeated_hour_lasts_nine_hours() {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    week.put(DayOfWeek.SATURDAY, List.of(WorkingInterval.parse("22:00-06:00")));
    BusinessCalendar nights = new BusinessCalendar("nights", NEW_YORK, week, Set.of());
    Instant start = at("2026-10-31T22:00", NEW_YORK);
    assertThat(nights.businessTimeBetween(start, start.plus(Duration.ofDays(1))))
        .isEqualTo(Duration.ofHours(9));
    assertThat(nights.addBusinessTime(start, Duration.ofHours(9)))
        .isEqualTo(at("2026-11-01T06:00", NEW_YORK))
        .isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
  }

  @Test
  void a_holiday_on_a_friday_pushes_work_past_the_weekend() {
    LocalDate goodFriday = LocalDate.of(2026, 4, 3);
    BusinessCalendar office = nineToFive(BERLIN, goodFriday);
    Instant thursdayAfternoon = at("2026-04-02T16:00", BERLIN);
    Instant due = office.addBusinessTime(thursdayAfternoon, Duration.ofHours(2));
    assertThat(due).isEqualTo(at("2026-04-06T10:00", BERLIN));
    assertThat(office.holidaysSkipped(thursdayAfternoon, due)).containsExactly(goodFriday);
  }

  @Test
  void an_interval_crossing_midnight_belongs_to_the_day_it_starts() {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      week.put(d, List.of(WorkingInterval.parse("22:00-06:00")));
    }
    BusinessCalendar nights = new BusinessCalendar("night desk", BERLIN, week, Set.of());
    Instant fridayLate = at("2026-03-06T23:00", BERLIN);
    assertThat(nights.addBusinessTime(fridayLate, Duration.ofHours(7)))
        .isEqualTo(at("2026-03-07T06:00", BERLIN));
    assertThat(nights.addBusinessTime(fridayLate, Duration.ofHours(8)))
        .isEqualTo(at("2026-03-09T23:00", BERLIN));
    assertThat(nights.isWorkingTime(at("2026-03-07T05:59", BERLIN))).isTrue();
    assertThat(nights.isWorkingTime(at("2026-03-07T06:00", BERLIN))).isFalse();
  }

  @Test
  void a_holiday_blanks_out_the_part_of_a_night_interval_that_reaches_into_it() {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    week.put(DayOfWeek.THURSDAY, List.of(WorkingInterval.parse("22:00-06:00")));
    LocalDate friday = LocalDate.of(2026, 4, 3);
    BusinessCalendar nights = new BusinessCalendar("nights", BERLIN, week, Set.of(friday));
    Instant from = at("2026-04-02T12:00", BERLIN);
    Instant to = at("2026-04-03T12:00", BERLIN);
    assertThat(nights.businessTimeBetween(from, to)).isEqualTo(Duration.ofHours(2));
    assertThat(nights.holidaysSkipped(from, to)).containsExactly(friday);
  }

  @Test
  void overlapping_intervals_of_neighbouring_days_count_once() {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    week.put(DayOfWeek.MONDAY, List.of(WorkingInterval.parse("20:00-04:00")));
    week.put(DayOfWeek.TUESDAY, List.of(WorkingInterval.parse("02:00-06:00")));
    BusinessCalendar cal = new BusinessCalendar("shifts", BERLIN, week, Set.of());
    assertThat(cal.workingTime(at("2026-03-02T00:00", BERLIN), at("2026-03-04T00:00", BERLIN)))
        .containsExactly(
            new TimeRange(at("2026-03-02T20:00", BERLIN), at("2026-03-03T06:00", BERLIN)));
  }

  @Test
  void the_new_year_holiday_is_skipped_at_the_turn_of_the_year() {
    LocalDate newYear = LocalDate.of(2027, 1, 1);
    BusinessCalendar office = nineToFive(BERLIN, newYear);
    Instant silvester = at("2026-12-31T16:00", BERLIN);
    assertThat(office.addBusinessTime(silvester, Duration.ofHours(2)))
        .isEqualTo(at("2027-01-04T10:00", BERLIN));
    BusinessCalendar utc = BusinessCalendar.twentyFourSeven();
    assertThat(utc.addBusinessTime(Instant.parse("2026-12-31T23:30:00Z"), Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2027-01-01T00:30:00Z"));
  }

  @Test
  void a_target_larger_than_a_year_is_exact() {
    BusinessCalendar office = nineToFive(BERLIN);
    Instant monday = at("2026-03-02T09:00", BERLIN);
    Duration fiftyThreeWeeks = Duration.ofHours(40L * 53);
    Instant due = office.addBusinessTime(monday, fiftyThreeWeeks);
    assertThat(due).isEqualTo(at("2027-03-05T17:00", BERLIN));
    assertThat(office.businessTimeBetween(monday, due)).isEqualTo(fiftyThreeWeeks);
    Instant plain = Instant.parse("2026-03-02T09:00:00Z");
    assertThat(BusinessCalendar.twentyFourSeven().addBusinessTime(plain, Duration.ofDays(400)))
        .isEqualTo(plain.plus(Duration.ofDays(400)));
  }

  @Test
  void measuring_backwards_gives_a_negative_duration() {
    BusinessCalendar utc = BusinessCalendar.twentyFourSeven();
    Instant a = Instant.parse("2026-03-02T09:00:00Z");
    assertThat(utc.businessTimeBetween(a.plusSeconds(60), a)).isEqualTo(Duration.ofSeconds(-60));
  }

  @Test
  void a_calendar_needs_working_time_and_non_overlapping_intervals() {
    Map<DayOfWeek, List<WorkingInterval>> empty = new EnumMap<>(DayOfWeek.class);
    Result<BusinessCalendar> none = BusinessCalendar.of("none", BERLIN, empty, Set.of());
    assertThat(none.isOk()).isFalse();
    Map<DayOfWeek, List<WorkingInterval>> overlapping = new EnumMap<>(DayOfWeek.class);
    overlapping.put(
        DayOfWeek.MONDAY,
        List.of(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("11:00-13:00")));
    assertThat(BusinessCalendar.of("bad", BERLIN, overlapping, Set.of()))
        .isInstanceOfSatisfying(
            Result.Err.class, err -> assertThat(err.message()).contains("overlap"));
    assertThatThrownBy(() -> new BusinessCalendar("bad", BERLIN, overlapping, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negative_business_time_is_a_programming_error() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.twentyFourSeven()
                    .addBusinessTime(Instant.EPOCH, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
