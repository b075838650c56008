package dev.triage.domain.sla;

/** Whether a clock is counting, waiting on the customer, or done. */
public enum ClockState {
  /** Business time counts toward the target. */
  RUNNING,
  /** The ticket waits on the customer; the paused business time moves the due date later. */
  PAUSED,
  /** The clock's work is done (first response given, ticket resolved or closed). */
  STOPPED
}
