package dev.triage.domain.sla;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.commented;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  private static final SlaPolicy POLICY = SlaPolicy.defaults();
  private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven();

  private static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  private static ClockStatus firstResponse(Ticket t, Instant now) {
    return Sla.evaluate(t, SlaClock.FIRST_RESPONSE, POLICY, ALWAYS, now);
  }

  private static ClockStatus resolution(Ticket t, Instant now) {
    return Sla.evaluate(t, SlaClock.RESOLUTION, POLICY, ALWAYS, now);
  }

  private static Ticket move(Ticket t, Status to, Instant at) {
    return apply(t.changeStatus(to == Status.CLOSED ? ADMIN : AGENT, to, Optional.empty(), at));
  }

  @Test
  void both_clocks_start_at_creation_with_the_targets_of_the_priority() {
    SlaStatus sla = Sla.evaluate(opened(Priority.MEDIUM), POLICY, ALWAYS, h(1));
    assertThat(sla.firstResponse().dueAt()).isEqualTo(h(4));
    assertThat(sla.firstResponse().elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(sla.firstResponse().remaining()).isEqualTo(Duration.ofHours(3));
    assertThat(sla.firstResponse().running()).isTrue();
    assertThat(sla.firstResponse().stoppedAt()).isEmpty();
    assertThat(sla.resolution().dueAt()).isEqualTo(h(24));
    assertThat(sla.overdue()).isFalse();
  }

  @Test
  void the_first_public_staff_reply_stops_the_first_response_clock() {
    Ticket t = commented(opened(), AGENT, "Looking into it.", false, h(2));
    ClockStatus fr = firstResponse(t, h(10));
    assertThat(fr.stopped()).isTrue();
    assertThat(fr.stoppedAt()).contains(h(2));
    assertThat(fr.elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(fr.breached()).isFalse();
    assertThat(t.firstRespondedAt()).contains(h(2));
  }

  @Test
  void internal_notes_and_the_requesters_own_comments_do_not_stop_the_first_response_clock() {
    Ticket t = commented(opened(), AGENT, "Probably the toner.", true, h(1));
    t = commented(t, REQUESTER, "Any news?", false, h(2));
    ClockStatus fr = firstResponse(t, h(3));
    assertThat(fr.running()).isTrue();
    assertThat(t.firstRespondedAt()).isEmpty();
  }

  @Test
  void a_late_first_reply_stops_a_breached_clock() {
    Ticket t = commented(opened(), AGENT, "Sorry for the wait.", false, h(5));
    ClockStatus fr = firstResponse(t, h(6));
    assertThat(fr.stopped()).isTrue();
    assertThat(fr.breached()).isTrue();
    assertThat(fr.overdue()).isFalse();
    assertThat(fr.remaining()).isEqualTo(Duration.ofHours(-1));
  }

  @Test
  void a_running_clock_past_its_due_date_is_overdue() {
    ClockStatus fr = firstResponse(opened(), h(4.5));
    assertThat(fr.breached()).isTrue();
    assertThat(fr.overdue()).isTrue();
    assertThat(firstResponse(opened(), h(4)).breached()).isFalse();
  }

  @Test
  void pending_customer_pauses_resolution_and_the_pause_moves_the_due_date() {
    Ticket t = move(opened(), Status.IN_PROGRESS, h(1));
    t = move(t, Status.PENDING_CUSTOMER, h(2));
    ClockStatus whilePaused = resolution(t, h(4));
    assertThat(whilePaused.paused()).isTrue();
    assertThat(whilePaused.elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(whilePaused.dueAt()).isEqualTo(h(26));
    t = move(t, Status.IN_PROGRESS, h(5));
    assertThat(resolution(t, h(6)).dueAt()).isEqualTo(h(27));
    assertThat(resolution(t, h(6)).elapsed()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void pending_customer_does_not_pause_the_first_response_clock() {
    Ticket t = move(opened(), Status.IN_PROGRESS, h(1));
    t = move(t, Status.PENDING_CUSTOMER, h(2));
    ClockStatus fr = firstResponse(t, h(3));
    assertThat(fr.running()).isTrue();
    assertThat(fr.dueAt()).isEqualTo(h(4));
  }

  @Test
  void resolving_stops_resolution_and_reopening_runs_it_again_from_where_it_stopped() {
    Ticket t = move(opened(), Status.IN_PROGRESS, h(1));
    t = move(t, Status.RESOLVED, h(6));
    ClockStatus stopped = resolution(t, h(8));
    assertThat(stopped.stopped()).isTrue();
    assertThat(stopped.stoppedAt()).contains(h(6));
    assertThat(stopped.elapsed()).isEqualTo(Duration.ofHours(6));
    assertThat(stopped.dueAt()).isEqualTo(h(24));
    t = apply(t.reopen(REQUESTER, Optional.empty(), h(10)));
    ClockStatus reopened = resolution(t, h(11));
    assertThat(reopened.running()).isTrue();
    assertThat(reopened.stoppedAt()).isEmpty();
    assertThat(reopened.elapsed()).isEqualTo(Duration.ofHours(7));
    assertThat(reopened.dueAt()).isEqualTo(h(28));
  }

  @Test
  void an_unanswered_ticket_stops_its_first_response_clock_when_resolved_and_restarts_on_reopen() {
    Ticket t = move(opened(), Status.IN_PROGRESS, h(1));
    t = move(t, Status.RESOLVED, h(2));
    assertThat(firstResponse(t, h(9)).stopped()).isTrue();
    assertThat(firstResponse(t, h(9)).breached()).isFalse();
    t = apply(t.reopen(REQUESTER, Optional.empty(), h(3)));
    ClockStatus fr = firstResponse(t, h(4));
    assertThat(fr.running()).isTrue();
    assertThat(fr.elapsed()).isEqualTo(Duration.ofHours(3));
    assertThat(fr.dueAt()).isEqualTo(h(5));
  }

  @Test
  void a_withdrawn_ticket_stops_both_clocks() {
    Ticket t = apply(opened().close(REQUESTER, Optional.empty(), h(1)));
    SlaStatus sla = Sla.evaluate(t, POLICY, ALWAYS, h(100));
    assertThat(sla.firstResponse().stoppedAt()).contains(h(1));
    assertThat(sla.resolution().stoppedAt()).contains(h(1));
    assertThat(sla.firstResponse().breached()).isFalse();
    assertThat(sla.resolution().breached()).isFalse();
  }

  @Test
  void escalation_recomputes_both_due_dates_from_creation_not_from_now() {
    Ticket t = apply(opened(Priority.MEDIUM).escalate(AGENT, Optional.empty(), h(3)));
    SlaStatus sla = Sla.evaluate(t, POLICY, ALWAYS, h(3));
    assertThat(t.priority()).isEqualTo(Priority.HIGH);
    assertThat(sla.firstResponse().dueAt()).isEqualTo(h(1));
    assertThat(sla.resolution().dueAt()).isEqualTo(h(8));
    assertThat(sla.firstResponse().overdue()).isTrue();
  }

  @Test
  void lowering_the_priority_by_edit_also_recomputes_from_creation() {
    Ticket t =
        apply(
            opened(Priority.HIGH)
                .edit(
                    AGENT,
                    dev.triage.domain.ticket.TicketEdit.none().withPriority(Priority.LOW),
                    h(0.5)));
    assertThat(resolution(t, h(1)).dueAt()).isEqualTo(h(48));
  }

  @Test
  void the_warning_point_is_the_share_of_the_target() {
    ClockStatus early = firstResponse(opened(), h(3));
    assertThat(early.warningAt()).isEqualTo(T0.plus(Duration.ofMinutes(192)));
    assertThat(early.warningReached()).isFalse();
    assertThat(firstResponse(opened(), h(3.2)).warningReached()).isTrue();
  }

  @Test
  void evaluating_at_an_earlier_instant_ignores_what_happened_later() {
    Ticket t = move(opened(), Status.IN_PROGRESS, h(1));
    t = move(t, Status.RESOLVED, h(6));
    ClockStatus atTwo = resolution(t, h(2));
    assertThat(atTwo.running()).isTrue();
    assertThat(atTwo.elapsed()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void a_deadline_passed_outside_working_hours_is_breached_though_no_business_time_went_by() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BusinessCalendar office =
        BusinessCalendar.weekdays(
            "office", berlin, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    Instant fridayFour =
        ZonedDateTime.of(LocalDateTime.parse("2026-03-06T16:00"), berlin).toInstant();
    Ticket t = dev.triage.domain.testing.TicketMother.opened(REQUESTER, Priority.HIGH, fridayFour);
    ClockStatus fr =
        Sla.evaluate(
            t, SlaClock.FIRST_RESPONSE, POLICY, office, fridayFour.plus(Duration.ofHours(2)));
    assertThat(fr.dueAt()).isEqualTo(fridayFour.plus(Duration.ofHours(1)));
    assertThat(fr.elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(fr.remaining()).isZero();
    assertThat(fr.breached()).isTrue();
    ClockStatus resolution =
        Sla.evaluate(t, SlaClock.RESOLUTION, POLICY, office, fridayFour.plus(Duration.ofHours(2)));
    assertThat(resolution.dueAt())
        .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-03-09T16:00"), berlin).toInstant());
  }

  @Test
  void a_clock_evaluated_at_its_creation_instant_has_used_nothing() {
    ClockStatus fr = firstResponse(opened(), T0);
    assertThat(fr.elapsed()).isZero();
    assertThat(fr.dueAt()).isEqualTo(h(4));
    assertThat(fr.breached()).isFalse();
  }
}
