package dev.triage.domain.sla;

import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a ticket's SLA clocks at an instant from its history, its current priority, a policy and
 * a calendar (the versions the ticket is pinned to, {@link SlaPin}), and for the next-reply clock
 * from {@link NextReplyFacts}. Nothing is stored but the history: due dates always follow from
 * creation time and the current targets, so changing priority recomputes them and touching a ticket
 * never extends a deadline.
 *
 * <p>The model: a clock counts business time while it runs; time while paused or stopped does not
 * count, so it moves the due date later by exactly its business time. The due date is the instant
 * the counted time reaches the target.
 */
public final class Sla {

  private Sla() {}

  /** Both clocks of {@code ticket} at {@code now}. */
  public static SlaStatus evaluate(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    return new SlaStatus(
        now,
        evaluate(ticket, SlaClock.FIRST_RESPONSE, policy, calendar, now),
        evaluate(ticket, SlaClock.RESOLUTION, policy, calendar, now));
  }

  /**
   * All three clocks of {@code ticket} at {@code now}: first response and resolution as {@link
   * #evaluate(Ticket, SlaPolicy, BusinessCalendar, Instant)}, and the next-reply clock of the cycle
   * {@code facts} describe (see {@link #evaluateNextReply}).
   */
  public static SlaStatus evaluate(
      Ticket ticket,
      NextReplyFacts facts,
      SlaPolicy policy,
      BusinessCalendar calendar,
      Instant now) {
    return evaluate(ticket, policy, calendar, now)
        .withNextReply(evaluateNextReply(ticket, facts, policy, calendar, now));
  }

  /**
   * The next-reply clock at {@code now}: it runs from {@code awaitingReplySince}, pauses in
   * PENDING_CUSTOMER and stops in RESOLVED and CLOSED like resolution, with the next-reply target
   * of the ticket's current priority. Empty while no requester waits for a reply (or the wait
   * starts after {@code now}); the staff reply that ends a cycle clears the facts, so an answered
   * cycle has no clock.
   */
  public static Optional<ClockStatus> evaluateNextReply(
      Ticket ticket,
      NextReplyFacts facts,
      SlaPolicy policy,
      BusinessCalendar calendar,
      Instant now) {
    return facts
        .awaitingReplySince()
        .filter(since -> !since.isAfter(now))
        .map(
            since -> {
              List<ClockPeriod> periods = ClockTimeline.nextReplyPeriods(ticket, since, now);
              Duration target = policy.target(SlaClock.NEXT_REPLY, ticket.priority());
              return evaluate(
                  SlaClock.NEXT_REPLY, periods, target, policy.warningAfter(target), calendar);
            });
  }

  /**
   * One clock of {@code ticket} at {@code now}, for first response or resolution.
   *
   * @throws IllegalArgumentException for {@link SlaClock#NEXT_REPLY}, which needs its facts (see
   *     {@link #evaluateNextReply})
   */
  public static ClockStatus evaluate(
      Ticket ticket, SlaClock clock, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    List<ClockPeriod> periods = ClockTimeline.periods(ticket, clock, now);
    Duration target = policy.target(clock, ticket.priority());
    return evaluate(clock, periods, target, policy.warningAfter(target), calendar);
  }

  static ClockStatus evaluate(
      SlaClock clock,
      List<ClockPeriod> periods,
      Duration target,
      Duration warnAfter,
      BusinessCalendar calendar) {
    Reach due = reach(periods, target, calendar);
    Reach warning = reach(periods, warnAfter, calendar);
    Duration elapsed = Duration.ZERO;
    for (ClockPeriod p : periods) {
      if (p.state() == ClockState.RUNNING) {
        elapsed = elapsed.plus(calendar.businessTimeBetween(p.start(), p.end()));
      }
    }
    ClockPeriod current = periods.getLast();
    return new ClockStatus(
        clock,
        target,
        due.at(),
        warning.at(),
        elapsed,
        target.minus(elapsed),
        current.state(),
        due.passed(),
        elapsed.compareTo(warnAfter) >= 0,
        current.state() == ClockState.STOPPED ? Optional.of(current.start()) : Optional.empty());
  }

  /**
   * When the counted time reaches {@code amount}: found inside a running period ({@code passed}
   * when the clock went on running after it), else projected from where the clock stands now.
   */
  record Reach(Instant at, boolean passed) {}

  static Reach reach(List<ClockPeriod> periods, Duration amount, BusinessCalendar calendar) {
    Duration remaining = amount;
    for (ClockPeriod p : periods) {
      if (p.state() != ClockState.RUNNING) {
        continue;
      }
      Duration counted = calendar.businessTimeBetween(p.start(), p.end());
      if (counted.compareTo(remaining) >= 0) {
        Instant at = calendar.addBusinessTime(p.start(), remaining);
        return new Reach(at, at.isBefore(p.end()));
      }
      remaining = remaining.minus(counted);
    }
    ClockPeriod current = periods.getLast();
    Instant anchor = current.state() == ClockState.STOPPED ? current.start() : current.end();
    return new Reach(calendar.addBusinessTime(anchor, remaining), false);
  }

  /**
   * Why {@code ticket}'s clocks stand where they do at {@code now}: policy, calendar, every counted
   * working interval, every pause or stop, every holiday skipped.
   */
  public static SlaExplanation explain(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    return new SlaExplanation(
        ticket.id(),
        ticket.number(),
        now,
        policy.name(),
        ticket.priority(),
        ticket.createdAt(),
        calendar.name(),
        calendar.zone(),
        explain(ticket, SlaClock.FIRST_RESPONSE, policy, calendar, now),
        explain(ticket, SlaClock.RESOLUTION, policy, calendar, now));
  }

  /**
   * Why {@code ticket}'s three clocks stand where they do at {@code now} under the versions it is
   * pinned to: the policy and calendar with their versions, the conditions that made the policy
   * apply, and per clock every counted working interval, pause, stop and named holiday skipped.
   */
  public static SlaExplanation explain(
      Ticket ticket,
      NextReplyFacts facts,
      SlaPolicyVersion policy,
      CalendarVersion calendar,
      Instant now) {
    SlaPolicy targets = policy.policy();
    BusinessCalendar cal = calendar.calendar();
    List<ConditionMatch> matched =
        policy.definition().conditions().match(PolicyFacts.of(ticket)).orElse(List.of());
    Optional<SlaExplanation.ClockExplanation> nextReply =
        facts
            .awaitingReplySince()
            .filter(since -> !since.isAfter(now))
            .map(
                since ->
                    explain(
                        ClockTimeline.nextReplyPeriods(ticket, since, now),
                        SlaClock.NEXT_REPLY,
                        targets.target(SlaClock.NEXT_REPLY, ticket.priority()),
                        targets,
                        cal,
                        since,
                        now));
    return new SlaExplanation(
        ticket.id(),
        ticket.number(),
        now,
        targets.name(),
        ticket.priority(),
        ticket.createdAt(),
        cal.name(),
        cal.zone(),
        explain(ticket, SlaClock.FIRST_RESPONSE, targets, cal, now),
        explain(ticket, SlaClock.RESOLUTION, targets, cal, now),
        Optional.of(policy.ref()),
        Optional.of(calendar.ref()),
        matched,
        nextReply);
  }

  private static SlaExplanation.ClockExplanation explain(
      Ticket ticket, SlaClock clock, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    return explain(
        ClockTimeline.periods(ticket, clock, now),
        clock,
        policy.target(clock, ticket.priority()),
        policy,
        calendar,
        ticket.createdAt(),
        now);
  }

  private static SlaExplanation.ClockExplanation explain(
      List<ClockPeriod> periods,
      SlaClock clock,
      Duration target,
      SlaPolicy policy,
      BusinessCalendar calendar,
      Instant startedAt,
      Instant now) {
    ClockStatus status = evaluate(clock, periods, target, policy.warningAfter(target), calendar);
    List<TimeRange> elapsed = new ArrayList<>();
    List<TimeRange> towardDue = new ArrayList<>();
    List<SlaExplanation.Gap> gaps = new ArrayList<>();
    for (ClockPeriod p : periods) {
      if (p.state() == ClockState.RUNNING) {
        List<TimeRange> worked = calendar.workingTime(p.start(), p.end());
        elapsed.addAll(worked);
        for (TimeRange r : worked) {
          if (r.start().isBefore(status.dueAt())) {
            towardDue.add(
                r.end().isAfter(status.dueAt()) ? new TimeRange(r.start(), status.dueAt()) : r);
          }
        }
      } else if (!p.start().equals(p.end())) {
        gaps.add(new SlaExplanation.Gap(p, calendar.businessTimeBetween(p.start(), p.end())));
      }
    }
    ClockPeriod current = periods.getLast();
    Instant anchor = current.state() == ClockState.STOPPED ? current.start() : current.end();
    List<TimeRange> projected = calendar.workingTime(anchor, status.dueAt());
    towardDue.addAll(projected);
    Instant horizon = status.dueAt().isAfter(now) ? status.dueAt() : now;
    List<SkippedHoliday> skipped = calendar.skippedHolidays(startedAt, horizon);
    return new SlaExplanation.ClockExplanation(
        status,
        periods,
        elapsed,
        towardDue,
        projected,
        gaps,
        skipped.stream().map(SkippedHoliday::date).toList(),
        skipped);
  }
}
