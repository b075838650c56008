package dev.triage.domain.escalation;

import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.ClockStatus;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.SlaAlarm;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which SLA warnings and breaches are due for a ticket: at most once per clock for first response
 * and resolution, at most once per reply cycle for next reply. A breach is due when a clock passed
 * its due date while running (also if it has stopped since); a warning when a clock that is not
 * stopped has used the warning share of its target and has not breached. A breach makes a pending
 * warning moot.
 */
public final class SlaAlarmPolicy {

  /** The clock's resolution (PostgreSQL keeps microseconds): the first instant past a due date. */
  static final Duration BREACH_AFTER_DUE = Duration.ofNanos(1_000);

  private static final List<SlaClock> ONCE_PER_TICKET =
      List.of(SlaClock.FIRST_RESPONSE, SlaClock.RESOLUTION);

  private SlaAlarmPolicy() {}

  /**
   * The first-response and resolution alarms due for {@code ticket} at {@code now}, in that order.
   */
  public static List<SlaAlarm> due(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    SlaStatus status = Sla.evaluate(ticket, policy, calendar, now);
    List<SlaAlarm> alarms = new ArrayList<>();
    for (SlaClock clock : ONCE_PER_TICKET) {
      alarm(
              status.clock(clock),
              ticket.slaWarningsRecorded().contains(clock),
              ticket.slaBreachesRecorded().contains(clock))
          .ifPresent(alarms::add);
    }
    return alarms;
  }

  /**
   * The next-reply alarm due for the current reply cycle at {@code now}, if any: the cycle's
   * breach, else its warning, each once per cycle.
   */
  public static Optional<SlaAlarm> dueNextReply(
      Ticket ticket,
      NextReplyFacts facts,
      SlaPolicy policy,
      BusinessCalendar calendar,
      Instant now) {
    return Sla.evaluateNextReply(ticket, facts, policy, calendar, now)
        .flatMap(c -> alarm(c, facts.warningRecorded(), facts.breachRecorded()));
  }

  /**
   * The breach of the cycle a public staff reply at {@code replyAt} is about to end, if the reply
   * comes after the cycle's due date and no sweep recorded the breach yet. Ask with the facts from
   * before the reply: once the reply clears them the cycle has no clock left to evaluate.
   */
  public static Optional<SlaAlarm> breachEndingWithReply(
      Ticket ticket,
      NextReplyFacts factsBeforeReply,
      SlaPolicy policy,
      BusinessCalendar calendar,
      Instant replyAt) {
    return dueNextReply(ticket, factsBeforeReply, policy, calendar, replyAt)
        .filter(a -> a.kind() == SlaAlarm.Kind.BREACH);
  }

  private static Optional<SlaAlarm> alarm(
      ClockStatus c, boolean warningRecorded, boolean breachRecorded) {
    if (c.breached()) {
      return breachRecorded
          ? Optional.empty()
          : Optional.of(new SlaAlarm(c.clock(), SlaAlarm.Kind.BREACH, c.dueAt()));
    }
    if (!c.stopped() && c.warningReached() && !breachRecorded && !warningRecorded) {
      return Optional.of(new SlaAlarm(c.clock(), SlaAlarm.Kind.WARNING, c.dueAt()));
    }
    return Optional.empty();
  }

  /**
   * The earliest instant at which {@link #due} finds an alarm for {@code ticket}, given its clocks
   * in {@code status} and that no command changes it before: a warning or breach not yet recorded
   * on a running clock, or now for one already due; empty when none can come without a command (a
   * paused or stopped clock, or every alarm recorded). Stored with the ticket, it lets a sweep read
   * only the tickets with an alarm actually due. This form covers first response and resolution;
   * {@link #nextAlarmAt(Ticket, SlaStatus, NextReplyFacts)} adds the next-reply clock.
   */
  public static Optional<Instant> nextAlarmAt(Ticket ticket, SlaStatus status) {
    Instant next = null;
    for (SlaClock clock : ONCE_PER_TICKET) {
      next =
          earlier(
              next,
              candidate(
                  status.clock(clock),
                  ticket.slaWarningsRecorded().contains(clock),
                  ticket.slaBreachesRecorded().contains(clock)));
    }
    return Optional.ofNullable(next);
  }

  /**
   * As {@link #nextAlarmAt(Ticket, SlaStatus)}, the minimum over all three clocks: the next-reply
   * clock in {@code status} (if a cycle runs) with the alarms {@code facts} recorded for its cycle.
   */
  public static Optional<Instant> nextAlarmAt(
      Ticket ticket, SlaStatus status, NextReplyFacts facts) {
    Instant next = nextAlarmAt(ticket, status).orElse(null);
    if (status.nextReply().isPresent()) {
      next =
          earlier(
              next,
              candidate(status.nextReply().get(), facts.warningRecorded(), facts.breachRecorded()));
    }
    return Optional.ofNullable(next);
  }

  private static Instant candidate(ClockStatus c, boolean warningRecorded, boolean breachRecorded) {
    if (breachRecorded) {
      return null;
    }
    if (c.breached()) {
      return c.stoppedAt().orElse(c.dueAt());
    }
    if (c.stopped()) {
      return null;
    }
    if (!warningRecorded && (c.warningReached() || c.running())) {
      return c.warningAt();
    }
    // A clock breaches once its elapsed time is past the target: just after its due date.
    return c.running() ? c.dueAt().plus(BREACH_AFTER_DUE) : null;
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isBefore(a) ? a : b;
  }

  /** Records every due alarm on {@code ticket} as one change; empty when none is due. */
  public static Optional<TicketChange> apply(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    List<SlaAlarm> alarms = due(ticket, policy, calendar, now);
    return alarms.isEmpty()
        ? Optional.empty()
        : Optional.of(ticket.recordSlaAlarms(alarms, now).orElseThrow());
  }

  /**
   * Records the next-reply alarm due for the current cycle, if any, as one change with the facts to
   * store; empty when none is due.
   */
  public static Optional<NextReplyFacts.Recorded> applyNextReply(
      Ticket ticket,
      NextReplyFacts facts,
      SlaPolicy policy,
      BusinessCalendar calendar,
      Instant now) {
    return dueNextReply(ticket, facts, policy, calendar, now)
        .map(alarm -> facts.record(ticket, List.of(alarm), now))
        .map(Result::orElseThrow);
  }
}
