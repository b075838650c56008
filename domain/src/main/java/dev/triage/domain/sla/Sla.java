package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a ticket's SLA clocks at an instant from its history, its current priority, a policy and
 * a calendar. Nothing is stored but the history: due dates always follow from creation time and the
 * current targets, so changing priority recomputes them and touching a ticket never extends a
 * deadline.
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

  /** One clock of {@code ticket} at {@code now}. */
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

  private static SlaExplanation.ClockExplanation explain(
      Ticket ticket, SlaClock clock, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    List<ClockPeriod> periods = ClockTimeline.periods(ticket, clock, now);
    Duration target = policy.target(clock, ticket.priority());
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
    return new SlaExplanation.ClockExplanation(
        status,
        periods,
        elapsed,
        towardDue,
        projected,
        gaps,
        calendar.holidaysSkipped(ticket.createdAt(), horizon));
  }
}
