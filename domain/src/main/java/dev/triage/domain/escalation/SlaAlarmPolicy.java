package dev.triage.domain.escalation;

import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.ClockStatus;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaStatus;
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
 * Which SLA warnings and breaches are due for a ticket, each at most once per clock. A breach is
 * due when a clock passed its due date while running (also if it has stopped since); a warning when
 * a clock that is not stopped has used the warning share of its target and has not breached. A
 * breach makes a pending warning moot.
 */
public final class SlaAlarmPolicy {

  /** The clock's resolution (PostgreSQL keeps microseconds): the first instant past a due date. */
  static final Duration BREACH_AFTER_DUE = Duration.ofNanos(1_000);

  private SlaAlarmPolicy() {}

  /** The alarms due for {@code ticket} at {@code now}, first-response clock first. */
  public static List<SlaAlarm> due(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    SlaStatus status = Sla.evaluate(ticket, policy, calendar, now);
    List<SlaAlarm> alarms = new ArrayList<>();
    for (SlaClock clock : SlaClock.values()) {
      ClockStatus c = status.clock(clock);
      boolean breachRecorded = ticket.slaBreachesRecorded().contains(clock);
      if (c.breached()) {
        if (!breachRecorded) {
          alarms.add(new SlaAlarm(clock, SlaAlarm.Kind.BREACH, c.dueAt()));
        }
      } else if (!c.stopped()
          && c.warningReached()
          && !breachRecorded
          && !ticket.slaWarningsRecorded().contains(clock)) {
        alarms.add(new SlaAlarm(clock, SlaAlarm.Kind.WARNING, c.dueAt()));
      }
    }
    return alarms;
  }

  /**
   * The earliest instant at which {@link #due} finds an alarm for {@code ticket}, given its clocks
   * in {@code status} and that no command changes it before: a warning or breach not yet recorded
   * on a running clock, or now for one already due; empty when none can come without a command (a
   * paused or stopped clock, or every alarm recorded). Stored with the ticket, it lets a sweep read
   * only the tickets with an alarm actually due.
   */
  public static Optional<Instant> nextAlarmAt(Ticket ticket, SlaStatus status) {
    Instant next = null;
    for (SlaClock clock : SlaClock.values()) {
      ClockStatus c = status.clock(clock);
      if (ticket.slaBreachesRecorded().contains(clock)) {
        continue;
      }
      Instant candidate = null;
      if (c.breached()) {
        candidate = c.stoppedAt().orElse(c.dueAt());
      } else if (!c.stopped()) {
        boolean warningOpen = !ticket.slaWarningsRecorded().contains(clock);
        if (warningOpen && (c.warningReached() || c.running())) {
          candidate = c.warningAt();
        } else if (c.running()) {
          // A clock breaches once its elapsed time is past the target: just after its due date.
          candidate = c.dueAt().plus(BREACH_AFTER_DUE);
        }
      }
      if (candidate != null && (next == null || candidate.isBefore(next))) {
        next = candidate;
      }
    }
    return Optional.ofNullable(next);
  }

  /** Records every due alarm on {@code ticket} as one change; empty when none is due. */
  public static Optional<TicketChange> apply(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    List<SlaAlarm> alarms = due(ticket, policy, calendar, now);
    return alarms.isEmpty()
        ? Optional.empty()
        : Optional.of(ticket.recordSlaAlarms(alarms, now).orElseThrow());
  }
}
