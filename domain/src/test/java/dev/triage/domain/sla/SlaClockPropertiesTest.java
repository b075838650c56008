package dev.triage.domain.sla;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.apply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.testing.TicketMother;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SlaClockPropertiesTest {

  private static final SlaPolicy POLICY = SlaPolicy.defaults();

  /** The clocks that start at creation; next reply has properties of its own. */
  private static final List<SlaClock> FROM_CREATION =
      List.of(SlaClock.FIRST_RESPONSE, SlaClock.RESOLUTION);

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return Arbitraries.oneOf(
        Calendars.calendars(), Calendars.zones().map(BusinessCalendar::twentyFourSeven));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Calendars.instants();
  }

  @Provide
  Arbitrary<Duration> gaps() {
    return Arbitraries.longs().between(0, 72 * 60).map(Duration::ofMinutes);
  }

  private static Ticket inProgress(Priority priority, Instant created, Duration untilWork) {
    Ticket t = TicketMother.opened(REQUESTER, priority, created);
    return apply(
        t.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), created.plus(untilWork)));
  }

  @Property(tries = 200)
  void a_pause_moves_the_resolution_due_date_later_by_exactly_its_business_time(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant created,
      @ForAll("gaps") Duration beforePause,
      @ForAll("gaps") Duration pause,
      @ForAll("gaps") Duration after) {
    Ticket running = inProgress(Priority.HIGH, created, Duration.ZERO);
    Instant pauseStart = created.plus(beforePause);
    Instant pauseEnd = pauseStart.plus(pause);
    Ticket paused =
        apply(running.changeStatus(AGENT, Status.PENDING_CUSTOMER, Optional.empty(), pauseStart));
    paused = apply(paused.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), pauseEnd));
    Instant now = pauseEnd.plus(after);

    Instant withoutPause =
        Sla.evaluate(running, SlaClock.RESOLUTION, POLICY, calendar, now).dueAt();
    Instant withPause = Sla.evaluate(paused, SlaClock.RESOLUTION, POLICY, calendar, now).dueAt();

    assertThat(withPause).isAfterOrEqualTo(withoutPause);
    if (pauseStart.isBefore(withoutPause)) {
      assertThat(calendar.businessTimeBetween(withoutPause, withPause))
          .isEqualTo(calendar.businessTimeBetween(pauseStart, pauseEnd));
    } else {
      assertThat(withPause).isEqualTo(withoutPause);
    }
  }

  @Property(tries = 200)
  void a_higher_priority_never_has_a_later_due_date(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant created,
      @ForAll("gaps") Duration age,
      @ForAll Priority priority) {
    Instant now = created.plus(age);
    Ticket lower = inProgress(priority, created, Duration.ZERO);
    Ticket higher = inProgress(priority.next(), created, Duration.ZERO);
    for (SlaClock clock : FROM_CREATION) {
      assertThat(Sla.evaluate(higher, clock, POLICY, calendar, now).dueAt())
          .isBeforeOrEqualTo(Sla.evaluate(lower, clock, POLICY, calendar, now).dueAt());
    }
  }

  @Property(tries = 200)
  void escalating_gives_the_due_dates_of_a_ticket_opened_with_the_higher_priority(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant created,
      @ForAll("gaps") Duration escalatedAfter,
      @ForAll("gaps") Duration age) {
    Ticket medium = TicketMother.opened(REQUESTER, Priority.MEDIUM, created);
    Instant escalation = created.plus(escalatedAfter);
    Ticket escalated = apply(medium.escalate(AGENT, Optional.empty(), escalation));
    Ticket bornHigh = TicketMother.opened(REQUESTER, Priority.HIGH, created);
    Instant now = escalation.plus(age);
    assertThat(Sla.evaluate(escalated, POLICY, calendar, now))
        .isEqualTo(Sla.evaluate(bornHigh, POLICY, calendar, now));
  }

  @Property(tries = 200)
  void elapsed_and_remaining_add_up_to_the_target_and_never_exceed_the_wall_clock(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant created,
      @ForAll("gaps") Duration untilWork,
      @ForAll("gaps") Duration age,
      @ForAll Priority priority) {
    Ticket t = inProgress(priority, created, untilWork);
    Instant now = created.plus(untilWork).plus(age);
    for (SlaClock clock : FROM_CREATION) {
      ClockStatus c = Sla.evaluate(t, clock, POLICY, calendar, now);
      assertThat(c.elapsed().plus(c.remaining())).isEqualTo(c.target());
      assertThat(c.elapsed()).isLessThanOrEqualTo(Duration.between(created, now));
      assertThat(c.breached()).isEqualTo(now.isAfter(c.dueAt()));
      assertThat(c.dueAt()).isEqualTo(calendar.addBusinessTime(created, c.target()));
    }
  }

  @Property(tries = 100)
  void the_explanation_adds_up_to_the_figures_it_explains(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant created,
      @ForAll("gaps") Duration beforePause,
      @ForAll("gaps") Duration pause,
      @ForAll("gaps") Duration after) {
    Ticket t = inProgress(Priority.LOW, created, Duration.ZERO);
    Instant pauseStart = created.plus(beforePause);
    t = apply(t.changeStatus(AGENT, Status.PENDING_CUSTOMER, Optional.empty(), pauseStart));
    t = apply(t.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), pauseStart.plus(pause)));
    Instant now = pauseStart.plus(pause).plus(after);
    SlaExplanation explanation = Sla.explain(t, POLICY, calendar, now);
    for (SlaClock clock : FROM_CREATION) {
      SlaExplanation.ClockExplanation c = explanation.clock(clock);
      assertThat(sum(c.elapsedIntervals())).isEqualTo(c.status().elapsed());
      assertThat(sum(c.dueIntervals())).isEqualTo(c.status().target());
      assertThat(c.status()).isEqualTo(Sla.evaluate(t, clock, POLICY, calendar, now));
    }
  }

  private static Duration sum(List<TimeRange> ranges) {
    return ranges.stream().map(TimeRange::duration).reduce(Duration.ZERO, Duration::plus);
  }
}
