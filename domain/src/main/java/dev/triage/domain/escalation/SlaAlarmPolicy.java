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

  /** Records every due alarm on {@code ticket} as one change; empty when none is due. */
  public static Optional<TicketChange> apply(
      Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    List<SlaAlarm> alarms = due(ticket, policy, calendar, now);
    return alarms.isEmpty()
        ? Optional.empty()
        : Optional.of(ticket.recordSlaAlarms(alarms, now).orElseThrow());
  }
}
