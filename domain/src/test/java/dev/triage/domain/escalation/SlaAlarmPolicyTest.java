package dev.triage.domain.escalation;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.commented;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.ticket.SlaAlarm;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaAlarmPolicyTest {

  private static final SlaPolicy POLICY = SlaPolicy.defaults();
  private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven();

  private static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  @Test
  void nothing_is_due_before_the_warning_share() {
    assertThat(SlaAlarmPolicy.due(opened(), POLICY, ALWAYS, h(3))).isEmpty();
    assertThat(SlaAlarmPolicy.apply(opened(), POLICY, ALWAYS, h(3))).isEmpty();
  }

  @Test
  void a_warning_is_due_at_eighty_percent_and_reported_once() {
    Instant warnAt = T0.plus(Duration.ofMinutes(192));
    assertThat(SlaAlarmPolicy.due(opened(), POLICY, ALWAYS, warnAt))
        .containsExactly(new SlaAlarm(SlaClock.FIRST_RESPONSE, SlaAlarm.Kind.WARNING, h(4)));
    TicketChange change = SlaAlarmPolicy.apply(opened(), POLICY, ALWAYS, warnAt).orElseThrow();
    assertThat(change.events()).singleElement().isInstanceOf(TicketEvent.SlaWarning.class);
    assertThat(SlaAlarmPolicy.due(change.ticket(), POLICY, ALWAYS, h(3.5))).isEmpty();
  }

  @Test
  void a_breach_is_due_once_per_clock_and_supersedes_a_missed_warning() {
    Ticket t = opened();
    assertThat(SlaAlarmPolicy.due(t, POLICY, ALWAYS, h(4.5)))
        .containsExactly(new SlaAlarm(SlaClock.FIRST_RESPONSE, SlaAlarm.Kind.BREACH, h(4)));
    Ticket breached = SlaAlarmPolicy.apply(t, POLICY, ALWAYS, h(4.5)).orElseThrow().ticket();
    assertThat(breached.slaBreachesRecorded()).containsExactly(SlaClock.FIRST_RESPONSE);
    assertThat(SlaAlarmPolicy.due(breached, POLICY, ALWAYS, h(5))).isEmpty();
  }

  @Test
  void alarms_of_both_clocks_found_in_one_sweep_are_one_change() {
    Ticket t = opened();
    TicketChange change = SlaAlarmPolicy.apply(t, POLICY, ALWAYS, h(30)).orElseThrow();
    assertThat(change.events())
        .extracting(TicketEvent::type)
        .containsExactly("SlaBreached", "SlaBreached");
    assertThat(change.ticket().version()).isEqualTo(t.version() + 1);
  }

  @Test
  void a_breach_that_happened_before_the_clock_stopped_is_still_reported() {
    Ticket late = commented(opened(), AGENT, "Sorry!", false, h(5));
    assertThat(SlaAlarmPolicy.due(late, POLICY, ALWAYS, h(6)))
        .containsExactly(new SlaAlarm(SlaClock.FIRST_RESPONSE, SlaAlarm.Kind.BREACH, h(4)));
  }

  @Test
  void a_stopped_clock_gets_no_warning() {
    Ticket answered = commented(opened(), AGENT, "Hi", false, h(3.5));
    assertThat(SlaAlarmPolicy.due(answered, POLICY, ALWAYS, h(3.6))).isEmpty();
  }

  @Test
  void a_paused_clock_past_its_warning_share_is_warned() {
    Ticket t = apply(opened().changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), h(0)));
    t = commented(t, AGENT, "Need logs", false, h(0.5));
    t = apply(t.changeStatus(AGENT, Status.PENDING_CUSTOMER, Optional.empty(), h(20)));
    assertThat(SlaAlarmPolicy.due(t, POLICY, ALWAYS, h(100)))
        .containsExactly(new SlaAlarm(SlaClock.RESOLUTION, SlaAlarm.Kind.WARNING, h(104)));
  }

  // ---------------------------------------------------------------- the next alarm

  /** The stored next alarm is exactly when the sweep first finds something due. */
  private static void nextAlarmIsWhenAnAlarmFirstFallsDue(Ticket t, Instant savedAt) {
    Optional<Instant> next =
        SlaAlarmPolicy.nextAlarmAt(t, Sla.evaluate(t, POLICY, ALWAYS, savedAt));
    assertThat(next).as("an alarm is still to come").isPresent();
    Instant at = next.get();
    if (at.isAfter(savedAt)) {
      assertThat(SlaAlarmPolicy.due(t, POLICY, ALWAYS, at.minusMillis(1))).isEmpty();
    }
    assertThat(SlaAlarmPolicy.due(t, POLICY, ALWAYS, at.isAfter(savedAt) ? at : savedAt))
        .isNotEmpty();
  }

  @Test
  void a_new_ticket_is_next_due_at_its_first_response_warning() {
    nextAlarmIsWhenAnAlarmFirstFallsDue(opened(), T0);
    assertThat(SlaAlarmPolicy.nextAlarmAt(opened(), Sla.evaluate(opened(), POLICY, ALWAYS, T0)))
        .contains(T0.plus(Duration.ofMinutes(192)));
  }

  @Test
  void after_its_warning_a_ticket_is_next_due_at_its_breach() {
    Ticket warned = SlaAlarmPolicy.apply(opened(), POLICY, ALWAYS, h(3.3)).orElseThrow().ticket();
    nextAlarmIsWhenAnAlarmFirstFallsDue(warned, h(3.3));
    assertThat(SlaAlarmPolicy.nextAlarmAt(warned, Sla.evaluate(warned, POLICY, ALWAYS, h(3.3))))
        .contains(h(4).plusNanos(1_000));
  }

  @Test
  void a_clock_stopped_after_its_due_date_is_due_at_once_and_then_never() {
    Ticket late = commented(opened(), AGENT, "Sorry!", false, h(5));
    nextAlarmIsWhenAnAlarmFirstFallsDue(late, h(5));
    Ticket reported = SlaAlarmPolicy.apply(late, POLICY, ALWAYS, h(6)).orElseThrow().ticket();
    assertThat(reported.slaBreachesRecorded()).contains(SlaClock.FIRST_RESPONSE);
    nextAlarmIsWhenAnAlarmFirstFallsDue(reported, h(6));
  }

  @Test
  void a_paused_clock_before_its_warning_has_no_next_alarm_until_a_command_resumes_it() {
    Ticket t = apply(opened().changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), h(0)));
    t = commented(t, AGENT, "Need logs", false, h(0.5));
    t = apply(t.changeStatus(AGENT, Status.PENDING_CUSTOMER, Optional.empty(), h(1)));
    assertThat(SlaAlarmPolicy.nextAlarmAt(t, Sla.evaluate(t, POLICY, ALWAYS, h(1)))).isEmpty();
    assertThat(SlaAlarmPolicy.due(t, POLICY, ALWAYS, h(1000))).isEmpty();
  }

  @Test
  void a_ticket_with_every_alarm_recorded_has_no_next_alarm() {
    Ticket all = SlaAlarmPolicy.apply(opened(), POLICY, ALWAYS, h(30)).orElseThrow().ticket();
    assertThat(SlaAlarmPolicy.nextAlarmAt(all, Sla.evaluate(all, POLICY, ALWAYS, h(30)))).isEmpty();
  }
}
