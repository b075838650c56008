package dev.triage.domain.sla;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketMother.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextReplyClockTest {

  private static final SlaPolicy POLICY = SlaPolicy.defaults();
  private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven();

  private static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  /** A ticket with the next-reply facts kept beside it, as the application stores them. */
  private record Tracked(Ticket ticket, NextReplyFacts facts) {
    static Tracked open() {
      return new Tracked(opened(), NextReplyFacts.none());
    }

    Tracked then(TicketChange change) {
      return new Tracked(change.ticket(), facts.after(change));
    }

    Tracked reply(Actor author, double hours) {
      return then(NextReplyClockTest.replyChange(ticket, author, false, hours));
    }

    Tracked note(double hours) {
      return then(NextReplyClockTest.replyChange(ticket, AGENT, true, hours));
    }

    Tracked move(Status to, double hours) {
      Actor actor = to == Status.CLOSED ? ADMIN : AGENT;
      return then(ticket.changeStatus(actor, to, Optional.empty(), h(hours)).orElseThrow());
    }

    Optional<ClockStatus> at(double hours) {
      return Sla.evaluateNextReply(ticket, facts, POLICY, ALWAYS, h(hours));
    }
  }

  private static TicketChange replyChange(Ticket t, Actor author, boolean internal, double hours) {
    return reply(t, author, "text", internal, h(hours)).change();
  }

  @Test
  void without_a_requester_reply_there_is_no_next_reply_clock() {
    Tracked t = Tracked.open().reply(AGENT, 1);
    assertThat(t.at(2)).isEmpty();
    SlaStatus all = Sla.evaluate(t.ticket(), t.facts(), POLICY, ALWAYS, h(2));
    assertThat(all.nextReply()).isEmpty();
    assertThat(all).isEqualTo(Sla.evaluate(t.ticket(), POLICY, ALWAYS, h(2)));
    assertThat(all.clocks()).hasSize(2);
    assertThatThrownBy(() -> all.clock(SlaClock.NEXT_REPLY))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void a_requester_reply_starts_the_clock_with_the_next_reply_target_of_the_priority() {
    Tracked t = Tracked.open().reply(AGENT, 1).reply(REQUESTER, 2);
    assertThat(t.facts().awaitingReplySince()).contains(h(2));
    assertThat(t.facts().replyCycle()).isEqualTo(1);
    ClockStatus c = t.at(3).orElseThrow();
    assertThat(c.clock()).isEqualTo(SlaClock.NEXT_REPLY);
    assertThat(c.target()).isEqualTo(Duration.ofHours(4));
    assertThat(c.dueAt()).isEqualTo(h(6));
    assertThat(c.warningAt()).isEqualTo(h(2).plus(Duration.ofMinutes(192)));
    assertThat(c.elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(c.remaining()).isEqualTo(Duration.ofHours(3));
    assertThat(c.running()).isTrue();
    assertThat(c.breached()).isFalse();
    SlaStatus all = Sla.evaluate(t.ticket(), t.facts(), POLICY, ALWAYS, h(3));
    assertThat(all.clock(SlaClock.NEXT_REPLY)).isEqualTo(c);
    assertThat(all.nextDueAt()).contains(h(6));
  }

  @Test
  void the_clock_pauses_while_pending_customer() {
    Tracked t =
        Tracked.open()
            .move(Status.IN_PROGRESS, 0.5)
            .reply(REQUESTER, 2)
            .move(Status.PENDING_CUSTOMER, 3)
            .move(Status.IN_PROGRESS, 5);
    ClockStatus paused =
        Tracked.open()
            .move(Status.IN_PROGRESS, 0.5)
            .reply(REQUESTER, 2)
            .move(Status.PENDING_CUSTOMER, 3)
            .at(4)
            .orElseThrow();
    assertThat(paused.paused()).isTrue();
    assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(1));
    ClockStatus c = t.at(6).orElseThrow();
    assertThat(c.elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(c.dueAt()).isEqualTo(h(8));
  }

  @Test
  void the_clock_stops_at_resolved_and_runs_again_on_reopen_while_the_requester_waits() {
    Tracked t = Tracked.open().move(Status.IN_PROGRESS, 0.5).reply(REQUESTER, 2);
    t = t.move(Status.RESOLVED, 3);
    ClockStatus stopped = t.at(4).orElseThrow();
    assertThat(stopped.stopped()).isTrue();
    assertThat(stopped.stoppedAt()).contains(h(3));
    assertThat(stopped.elapsed()).isEqualTo(Duration.ofHours(1));
    t = t.then(t.ticket().reopen(REQUESTER, Optional.empty(), h(5)).orElseThrow());
    ClockStatus running = t.at(6).orElseThrow();
    assertThat(running.running()).isTrue();
    assertThat(running.elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(running.dueAt()).isEqualTo(h(8));
  }

  @Test
  void the_next_public_staff_reply_ends_the_cycle_and_notes_do_not() {
    Tracked waiting = Tracked.open().reply(REQUESTER, 2).note(3);
    assertThat(waiting.facts().awaitingReply()).isTrue();
    Tracked answered = waiting.reply(AGENT, 4);
    assertThat(answered.facts().awaitingReply()).isFalse();
    assertThat(answered.facts().replyCycle()).isEqualTo(1);
    assertThat(answered.at(5)).isEmpty();
  }

  @Test
  void more_requester_replies_do_not_restart_a_running_cycle_but_start_the_next_one() {
    Tracked t = Tracked.open().reply(REQUESTER, 2).reply(REQUESTER, 3);
    assertThat(t.facts().awaitingReplySince()).contains(h(2));
    assertThat(t.facts().replyCycle()).isEqualTo(1);
    t = t.reply(AGENT, 4).reply(REQUESTER, 5);
    assertThat(t.facts().awaitingReplySince()).contains(h(5));
    assertThat(t.facts().replyCycle()).isEqualTo(2);
    assertThat(t.at(6).orElseThrow().dueAt()).isEqualTo(h(9));
  }

  @Test
  void a_priority_change_recomputes_the_cycle_from_its_start() {
    Tracked t = Tracked.open().reply(REQUESTER, 1);
    Tracked escalated = t.then(t.ticket().escalate(AGENT, Optional.empty(), h(2)).orElseThrow());
    assertThat(escalated.ticket().priority()).isEqualTo(Priority.HIGH);
    ClockStatus c = escalated.at(2.5).orElseThrow();
    assertThat(c.target()).isEqualTo(Duration.ofHours(1));
    assertThat(c.dueAt()).isEqualTo(h(2));
    assertThat(c.breached()).isTrue();
  }

  @Test
  void a_wait_that_starts_after_the_instant_asked_about_has_no_clock_yet() {
    Tracked t = Tracked.open().reply(REQUESTER, 2);
    assertThat(t.at(1)).isEmpty();
    assertThat(t.at(2).orElseThrow().elapsed()).isZero();
  }

  @Test
  void the_next_reply_clock_cannot_be_evaluated_without_its_facts() {
    assertThatThrownBy(() -> Sla.evaluate(opened(), SlaClock.NEXT_REPLY, POLICY, ALWAYS, h(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void targets_from_before_the_third_clock_give_next_reply_the_first_response_target() {
    SlaTargets two = new SlaTargets(Duration.ofHours(1), Duration.ofHours(8));
    assertThat(two.nextReply()).isEqualTo(Duration.ofHours(1));
    assertThat(two.of(SlaClock.NEXT_REPLY)).isEqualTo(Duration.ofHours(1));
    assertThat(POLICY.target(SlaClock.NEXT_REPLY, Priority.CRITICAL))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void the_explanation_covers_the_next_reply_clock_from_the_requesters_reply() {
    Tracked t =
        Tracked.open()
            .move(Status.IN_PROGRESS, 0.5)
            .reply(REQUESTER, 2)
            .move(Status.PENDING_CUSTOMER, 3)
            .move(Status.IN_PROGRESS, 4);
    CalendarVersion cal =
        new CalendarVersion(
            new CalendarRef(CalendarId.of(new java.util.UUID(7, 1)), "24x7", 1), ALWAYS);
    SlaPolicyVersion policy =
        new SlaPolicyVersion(
            new SlaPolicyRef(SlaPolicyId.of(new java.util.UUID(7, 2)), "default", 1),
            true,
            SlaPolicyDefinition.defaults(cal.id()));
    SlaExplanation e = Sla.explain(t.ticket(), t.facts(), policy, cal, h(5));
    SlaExplanation.ClockExplanation next = e.clock(SlaClock.NEXT_REPLY);
    assertThat(next.status()).isEqualTo(t.at(5).orElseThrow());
    assertThat(next.periods().getFirst().start()).isEqualTo(h(2));
    assertThat(next.gaps())
        .singleElement()
        .satisfies(g -> assertThat(g.businessTime()).isEqualTo(Duration.ofHours(1)));
    assertThat(e.clocks()).hasSize(3);
    assertThat(e.describe()).anyMatch(line -> line.startsWith("nextReply: target PT4H"));
  }
}
