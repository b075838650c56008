package dev.triage.domain.notification;

/** Why a user hears of an event: what it means for them, shown with the notification. */
public enum NotificationKind {
  /** The ticket was assigned to you. */
  ASSIGNED_TO_YOU,
  /** The ticket you had was assigned to someone else, or to no one. */
  UNASSIGNED,
  /** The status of a ticket you opened or are assigned moved. */
  STATUS_CHANGED,
  /** A public reply on a ticket you opened or are assigned. */
  REPLY,
  /** Another staff member wrote an internal note on a ticket you are assigned. */
  INTERNAL_NOTE,
  /** A ticket you are assigned was escalated. */
  ESCALATED,
  /** A service-level clock of a ticket you are assigned is close to its due date. */
  SLA_WARNING,
  /** A service-level clock of a ticket you are assigned passed its due date. */
  SLA_BREACHED,
  /** A ticket you are assigned woke from its snooze. */
  WOKE,
  /** A ticket you opened, are assigned or take part in was merged into another, or took one in. */
  MERGED
}
