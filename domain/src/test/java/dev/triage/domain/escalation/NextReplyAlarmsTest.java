package dev.triage.domain.escalation;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.testing.TicketMother;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.SlaAlarm;
import dev.triage.domain.ticket.SlaAlarmKey;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NextReplyAlarmsTest {

  private static final SlaPolicy POLICY = SlaPolicy.defaults();
  private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven();

  private static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  private record Tracked(Ticket ticket, NextReplyFacts facts) {
    Tracked reply(Actor author, double hours) {
      TicketChange change = NextReplyAlarmsTest.reply(ticket, author, hours);
      return new Tracked(change.ticket(), facts.after(change));
    }

    Tracked record(NextReplyFacts.Recorded recorded) {
      return new Tracked(recorded.change().ticket(), recorded.facts());
    }

    Optional<SlaAlarm> due(double hours) {
      return SlaAlarmPolicy.dueNextReply(ticket, facts, POLICY, ALWAYS, h(hours));
    }

    Optional<NextReplyFacts.Recorded> apply(double hours) {
      return SlaAlarmPolicy.applyNextReply(ticket, facts, POLICY, ALWAYS, h(hours));
    }
  }

  private static TicketChange reply(Ticket t, Actor author, double hours) {
    return TicketMother.reply(t, author, "text", false, h(hours)).change();
  }

  /**
   * MEDIUM, answered at 0.5 h; the requester replies at 1 h: next reply due at 5 h, warning 4.2 h.
   */
  private static Tracked waiting() {
    return new Tracked(opened(), NextReplyFacts.none()).reply(AGENT, 0.5).reply(REQUESTER, 1);
  }

  @Test
  void each_cycle_warns_once_then_breaches_once() {
    Tracked t = waiting();
    assertThat(t.due(4)).isEmpty();
    assertThat(t.due(4.25))
        .contains(new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.WARNING, h(5)));

    NextReplyFacts.Recorded warned = t.apply(4.25).orElseThrow();
    assertThat(warned.change().events())
        .singleElement()
        .isInstanceOfSatisfying(
            TicketEvent.SlaWarning.class,
            w -> {
              assertThat(w.clock()).isEqualTo(SlaClock.NEXT_REPLY);
              assertThat(w.dueAt()).isEqualTo(h(5));
            });
    assertThat(warned.facts().alarmsRecorded())
        .containsExactly(SlaAlarmKey.nextReply(SlaAlarm.Kind.WARNING, 1));
    t = t.record(warned);
    assertThat(t.due(4.5)).isEmpty();

    assertThat(t.due(5.5)).contains(new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.BREACH, h(5)));
    t = t.record(t.apply(5.5).orElseThrow());
    assertThat(t.facts().breachRecorded()).isTrue();
    assertThat(t.due(8)).isEmpty();
  }

  @Test
  void the_next_cycle_can_warn_and_breach_again() {
    Tracked t = waiting();
    t = t.record(t.apply(5.5).orElseThrow());
    t = t.reply(AGENT, 6).reply(REQUESTER, 7);
    assertThat(t.facts().replyCycle()).isEqualTo(2);
    assertThat(t.facts().alarmsRecorded()).isEmpty();
    assertThat(t.due(10.25))
        .contains(new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.WARNING, h(11)));
    t = t.record(t.apply(10.25).orElseThrow());
    t = t.record(t.apply(11.5).orElseThrow());
    assertThat(t.facts().alarmsRecorded())
        .containsExactlyInAnyOrder(
            SlaAlarmKey.nextReply(SlaAlarm.Kind.WARNING, 2),
            SlaAlarmKey.nextReply(SlaAlarm.Kind.BREACH, 2));
  }

  @Test
  void next_reply_alarms_leave_the_once_per_ticket_records_alone() {
    Tracked t = waiting();
    NextReplyFacts.Recorded breached = t.apply(5.5).orElseThrow();
    Ticket after = breached.change().ticket();
    assertThat(after.slaWarningsRecorded()).isEmpty();
    assertThat(after.slaBreachesRecorded()).isEmpty();
    assertThat(after.version()).isEqualTo(t.ticket().version() + 1);
    assertThat(after.updatedAt()).isEqualTo(t.ticket().updatedAt());
  }

  @Test
  void recording_an_alarm_of_the_cycle_twice_is_refused() {
    Tracked t = waiting();
    SlaAlarm breach = new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.BREACH, h(5));
    NextReplyFacts.Recorded once =
        t.facts().record(t.ticket(), List.of(breach), h(6)).orElseThrow();
    Result<NextReplyFacts.Recorded> twice =
        once.facts().record(once.change().ticket(), List.of(breach), h(6));
    assertThat(twice)
        .isInstanceOfSatisfying(
            Result.Err.class, err -> assertThat(err.code()).isEqualTo(ErrorCode.CONFLICT));
    SlaAlarm warning = new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.WARNING, h(5));
    assertThat(once.facts().record(once.change().ticket(), List.of(warning), h(6)).isOk())
        .as("a warning after the cycle's breach is moot")
        .isFalse();
  }

  @Test
  void the_ticket_refuses_to_record_next_reply_alarms_once_per_ticket() {
    SlaAlarm alarm = new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.WARNING, h(5));
    assertThatThrownBy(() -> opened().recordSlaAlarms(List.of(alarm), h(4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                NextReplyFacts.none()
                    .record(
                        opened(),
                        List.of(new SlaAlarm(SlaClock.RESOLUTION, SlaAlarm.Kind.WARNING, h(5))),
                        h(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_next_alarm_instant_is_the_minimum_over_the_three_clocks() {
    Tracked t = waiting();
    var status = Sla.evaluate(t.ticket(), t.facts(), POLICY, ALWAYS, h(2));
    assertThat(SlaAlarmPolicy.nextAlarmAt(t.ticket(), status, t.facts()))
        .contains(h(1).plus(Duration.ofMinutes(192)));
    assertThat(SlaAlarmPolicy.nextAlarmAt(t.ticket(), status))
        .as("the two-clock form ignores next reply")
        .contains(T0.plus(Duration.ofMinutes(24 * 48)));
    Tracked warned = t.record(t.apply(4.25).orElseThrow());
    var later = Sla.evaluate(warned.ticket(), warned.facts(), POLICY, ALWAYS, h(4.5));
    assertThat(SlaAlarmPolicy.nextAlarmAt(warned.ticket(), later, warned.facts()))
        .contains(h(5).plusNanos(1_000));
  }

  @Test
  void a_late_staff_reply_still_records_the_breach_of_its_cycle() {
    Tracked t = waiting();
    assertThat(SlaAlarmPolicy.breachEndingWithReply(t.ticket(), t.facts(), POLICY, ALWAYS, h(4.5)))
        .isEmpty();
    assertThat(SlaAlarmPolicy.breachEndingWithReply(t.ticket(), t.facts(), POLICY, ALWAYS, h(6)))
        .contains(new SlaAlarm(SlaClock.NEXT_REPLY, SlaAlarm.Kind.BREACH, h(5)));
  }

  @Test
  void alarm_keys_carry_the_cycle() {
    assertThat(SlaAlarmKey.once(SlaClock.RESOLUTION, SlaAlarm.Kind.BREACH).cycle()).isZero();
    assertThatThrownBy(() -> new SlaAlarmKey(SlaClock.NEXT_REPLY, SlaAlarm.Kind.BREACH, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlaAlarmKey(SlaClock.FIRST_RESPONSE, SlaAlarm.Kind.BREACH, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NextReplyFacts(Optional.of(T0), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new NextReplyFacts(
                    Optional.of(T0), 2, Set.of(SlaAlarmKey.nextReply(SlaAlarm.Kind.WARNING, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
