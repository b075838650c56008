package dev.triage.domain.sla;

import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.escalation.SlaAlarmPolicy;
import dev.triage.domain.testing.TicketMother;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaAlarm;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Ticket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's example in the domain: a Berlin calendar Monday to Friday 09:00-17:00 with a holiday
 * on the Monday after the spring daylight-saving change; a HIGH ticket opened on the Friday before
 * at 16:30 is due for first response on Tuesday at 09:30, warns at 09:18 and breaches after 09:30.
 */
class BerlinCalendarScenarioTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final CalendarId BERLIN_ID = CalendarId.of(new UUID(0xBE1L, 1));

  private static Instant berlin(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN).toInstant();
  }

  private static CalendarVersion calendar() {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      week.put(day, List.of(WorkingInterval.parse("09:00-17:00")));
    }
    BusinessCalendar office =
        BusinessCalendar.define(
                "Berlin office",
                "Europe/Berlin",
                week,
                List.of(
                    Holiday.on(LocalDate.of(2026, 3, 30), "Staff day"),
                    Holiday.yearly(LocalDate.of(2026, 12, 25), "Christmas Day")))
            .orElseThrow();
    return new CalendarVersion(new CalendarRef(BERLIN_ID, office.name(), 3), office);
  }

  private static SlaPolicyVersion hardware() {
    SlaPolicyDefinition d =
        SlaPolicyDefinition.of(
                "Hardware in Berlin",
                BERLIN_ID,
                0.8,
                1,
                Policies.category("hardware"),
                SlaPolicy.defaults().targets())
            .orElseThrow();
    return new SlaPolicyVersion(new SlaPolicyRef(Policies.policyId(7), d.name(), 2), false, d);
  }

  @Test
  void a_friday_afternoon_ticket_is_due_on_tuesday_after_the_dst_weekend_and_the_holiday() {
    Instant friday = berlin("2026-03-27T16:30");
    Ticket ticket = TicketMother.opened(REQUESTER, Priority.HIGH, friday);
    PolicySelection selection =
        SlaPolicySelector.select(
            List.of(Policies.defaultPolicy(), hardware()), PolicyFacts.of(ticket));
    assertThat(selection.policy()).isEqualTo(hardware());
    CalendarVersion calendar = calendar();
    SlaPin pin = SlaPin.of(selection, calendar);
    assertThat(pin.calendar().version()).isEqualTo(3);

    SlaPolicy policy = selection.policy().policy();
    BusinessCalendar office = calendar.calendar();
    Instant tuesday = berlin("2026-03-31T09:30");
    ClockStatus firstResponse =
        Sla.evaluate(ticket, policy, office, friday).clock(SlaClock.FIRST_RESPONSE);
    assertThat(firstResponse.dueAt()).isEqualTo(tuesday);
    assertThat(firstResponse.dueAt()).isEqualTo(Instant.parse("2026-03-31T07:30:00Z"));
    assertThat(Duration.between(friday, firstResponse.dueAt())).isEqualTo(Duration.ofHours(88));
    assertThat(firstResponse.warningAt()).isEqualTo(berlin("2026-03-31T09:18"));

    assertThat(SlaAlarmPolicy.due(ticket, policy, office, berlin("2026-03-31T09:17"))).isEmpty();
    assertThat(SlaAlarmPolicy.due(ticket, policy, office, berlin("2026-03-30T12:00")))
        .as("the holiday counts nothing")
        .isEmpty();
    assertThat(SlaAlarmPolicy.due(ticket, policy, office, berlin("2026-03-31T09:18")))
        .containsExactly(new SlaAlarm(SlaClock.FIRST_RESPONSE, SlaAlarm.Kind.WARNING, tuesday));
    assertThat(SlaAlarmPolicy.due(ticket, policy, office, berlin("2026-03-31T09:31")))
        .containsExactly(new SlaAlarm(SlaClock.FIRST_RESPONSE, SlaAlarm.Kind.BREACH, tuesday));

    SlaExplanation e =
        Sla.explain(
            ticket,
            NextReplyFacts.none(),
            selection.policy(),
            calendar,
            berlin("2026-03-31T10:00"));
    assertThat(e.policy()).contains(hardware().ref());
    assertThat(e.calendar()).contains(calendar.ref());
    assertThat(e.matchedConditions())
        .containsExactly(new ConditionMatch(ConditionMatch.Field.CATEGORIES, "hardware"));
    SlaExplanation.ClockExplanation fr = e.clock(SlaClock.FIRST_RESPONSE);
    assertThat(fr.dueIntervals())
        .containsExactly(
            new TimeRange(friday, berlin("2026-03-27T17:00")),
            new TimeRange(berlin("2026-03-31T09:00"), tuesday));
    assertThat(fr.skippedHolidays())
        .containsExactly(new SkippedHoliday(LocalDate.of(2026, 3, 30), "Staff day"));
    assertThat(e.nextReply()).isEmpty();
    assertThat(e.describe())
        .contains(
            "Policy 'Hardware in Berlin' version 2, calendar 'Berlin office' version 3; it"
                + " applies because category is hardware.",
            "  holiday skipped 2026-03-30 (Staff day)");
  }
}
