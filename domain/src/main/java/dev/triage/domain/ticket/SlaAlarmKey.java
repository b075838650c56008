package dev.triage.domain.ticket;

import java.util.Objects;

/**
 * The identity of one SLA alarm: which clock, warning or breach, and in which cycle. The clocks
 * that run once per ticket have cycle 0; the next-reply clock numbers its cycles from 1, so each
 * cycle can warn and breach once and a store can key its records (for example {@code sla_breaches})
 * by this triple.
 */
public record SlaAlarmKey(SlaClock clock, SlaAlarm.Kind kind, int cycle) {

  public SlaAlarmKey {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(kind, "kind");
    if (clock.oncePerTicket() ? cycle != 0 : cycle < 1) {
      throw new IllegalArgumentException(
          clock + " alarms have " + (clock.oncePerTicket() ? "cycle 0" : "cycles from 1"));
    }
  }

  /** The key of an alarm of a clock that runs once per ticket. */
  public static SlaAlarmKey once(SlaClock clock, SlaAlarm.Kind kind) {
    return new SlaAlarmKey(clock, kind, 0);
  }

  /** The key of a next-reply alarm in reply cycle {@code cycle}. */
  public static SlaAlarmKey nextReply(SlaAlarm.Kind kind, int cycle) {
    return new SlaAlarmKey(SlaClock.NEXT_REPLY, kind, cycle);
  }
}
