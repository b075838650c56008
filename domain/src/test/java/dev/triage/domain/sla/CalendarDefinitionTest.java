package dev.triage.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarDefinitionTest {

  private static Map<DayOfWeek, List<WorkingInterval>> week(DayOfWeek day, String... intervals) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    week.put(day, Arrays.stream(intervals).map(WorkingInterval::parse).toList());
    return week;
  }

  private static Map<DayOfWeek, List<WorkingInterval>> office() {
    return week(DayOfWeek.MONDAY, "09:00-12:00", "13:00-17:00");
  }

  private static Map<String, List<String>> fieldErrors(Result<?> result) {
    assertThat(result).isInstanceOf(Result.Err.class);
    Result.Err<?> err = (Result.Err<?>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    return err.fieldErrors();
  }

  @Test
  void a_valid_definition_makes_a_calendar_with_trimmed_names() {
    BusinessCalendar berlin =
        BusinessCalendar.define(
                "  Berlin office ",
                "Europe/Berlin",
                office(),
                List.of(Holiday.yearly(LocalDate.of(2026, 12, 25), " Christmas Day ")))
            .orElseThrow();
    assertThat(berlin.name()).isEqualTo("Berlin office");
    assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(berlin.holidays())
        .containsExactly(Holiday.yearly(LocalDate.of(2026, 12, 25), "Christmas Day"));
  }

  @Test
  void an_unknown_zone_is_refused_naming_time_zone() {
    assertThat(fieldErrors(BusinessCalendar.define("x", "Europe/Atlantis", office(), List.of())))
        .containsOnlyKeys("timeZone");
    assertThat(fieldErrors(BusinessCalendar.define("x", "+02:00", office(), List.of())))
        .as("an offset is not an IANA zone")
        .containsOnlyKeys("timeZone");
    assertThat(fieldErrors(BusinessCalendar.define("x", " ", office(), List.of())))
        .containsOnlyKeys("timeZone");
  }

  @Test
  void overlapping_intervals_are_refused_naming_the_later_one() {
    Map<String, List<String>> errors =
        fieldErrors(
            BusinessCalendar.define(
                "x",
                "UTC",
                week(DayOfWeek.MONDAY, "09:00-12:00", "13:00-17:00", "11:00-14:00"),
                List.of()));
    assertThat(errors).containsOnlyKeys("week.MONDAY[2]");
    assertThat(errors.get("week.MONDAY[2]").getFirst()).contains("overlaps week.MONDAY[0]");
  }

  @Test
  void touching_intervals_are_fine() {
    assertThat(
            BusinessCalendar.define(
                    "x", "UTC", week(DayOfWeek.MONDAY, "09:00-12:00", "12:00-17:00"), List.of())
                .isOk())
        .isTrue();
  }

  @Test
  void an_empty_interval_is_refused_but_midnight_to_midnight_is_the_whole_day() {
    assertThat(
            fieldErrors(
                BusinessCalendar.define(
                    "x", "UTC", week(DayOfWeek.TUESDAY, "09:00-17:00", "18:00-18:00"), List.of())))
        .containsKey("week.TUESDAY[1]");
    assertThat(
            BusinessCalendar.define("x", "UTC", week(DayOfWeek.TUESDAY, "00:00-00:00"), List.of())
                .isOk())
        .isTrue();
  }

  @Test
  void a_week_without_working_time_is_refused_naming_week() {
    assertThat(
            fieldErrors(
                BusinessCalendar.define(
                    "x", "UTC", new EnumMap<>(DayOfWeek.class), List.<Holiday>of())))
        .containsOnlyKeys("week");
    assertThat(fieldErrors(BusinessCalendar.define("x", "UTC", week(DayOfWeek.FRIDAY), List.of())))
        .containsOnlyKeys("week");
  }

  @Test
  void a_holiday_outside_the_years_a_calendar_holds_is_refused_naming_its_date() {
    List<Holiday> holidays =
        List.of(
            Holiday.on(LocalDate.of(2026, 1, 1), "New Year"),
            Holiday.on(LocalDate.of(1969, 12, 31), "Too early"),
            Holiday.on(LocalDate.of(2201, 1, 1), "Too late"));
    Map<String, List<String>> errors =
        fieldErrors(BusinessCalendar.define("x", "UTC", office(), holidays));
    assertThat(errors).containsOnlyKeys("holidays[1].date", "holidays[2].date");
    assertThat(errors.get("holidays[1].date").getFirst()).contains("1970 to 2200");
    assertThat(
            BusinessCalendar.define(
                    "x",
                    "UTC",
                    office(),
                    List.of(
                        Holiday.on(LocalDate.of(1970, 1, 1), "first"),
                        Holiday.on(LocalDate.of(2200, 12, 31), "last")))
                .isOk())
        .isTrue();
  }

  @Test
  void blank_or_too_long_names_are_refused_naming_the_field() {
    String longName = "n".repeat(101);
    assertThat(fieldErrors(BusinessCalendar.define(" ", "UTC", office(), List.of())))
        .containsOnlyKeys("name");
    assertThat(fieldErrors(BusinessCalendar.define(longName, "UTC", office(), List.of())))
        .containsOnlyKeys("name");
    assertThat(
            fieldErrors(
                BusinessCalendar.define(
                    "x",
                    "UTC",
                    office(),
                    List.of(
                        Holiday.on(LocalDate.of(2026, 5, 1), ""),
                        Holiday.on(LocalDate.of(2026, 5, 2), longName)))))
        .containsOnlyKeys("holidays[0].name", "holidays[1].name");
  }

  @Test
  void every_problem_is_named_at_once() {
    Map<String, List<String>> errors =
        fieldErrors(
            BusinessCalendar.define(
                "",
                "Mars/Olympus",
                new EnumMap<>(DayOfWeek.class),
                List.of(Holiday.on(LocalDate.of(1900, 1, 1), "old"))));
    assertThat(errors).containsOnlyKeys("name", "timeZone", "week", "holidays[0].date");
  }

  @Test
  void the_constructor_refuses_the_same_structural_problems() {
    assertThatThrownBy(
            () ->
                new BusinessCalendar(
                    "x",
                    ZoneId.of("UTC"),
                    office(),
                    List.of(Holiday.on(LocalDate.of(2300, 1, 1), "far"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holidays[0].date");
  }
}
