package dev.triage.domain.ticket;

/** Why a snoozed ticket woke. */
public enum WakeReason {
  /** Its snooze was over (the sweep). */
  DUE,
  /** The requester or a CC replied. */
  CUSTOMER_REPLIED,
  /** Staff woke it before its time. */
  UNSNOOZED
}
