package dev.triage.domain.access;

/** Things an actor may do that concern no single ticket. */
public enum Capability {
  /** Open a ticket: any role. */
  CREATE_TICKET,
  /** List and search tickets (customers see only their own): any role. */
  LIST_TICKETS,
  /** See the overdue list: staff. */
  LIST_OVERDUE,
  /** See the dashboard figures: admins. */
  VIEW_DASHBOARD,
  /** Create, change and deactivate users: admins. */
  MANAGE_USERS,
  /** Maintain SLA policies and business calendars: admins. */
  MANAGE_SLA,
  /** Maintain webhooks: admins. */
  MANAGE_WEBHOOKS,
  /** Read the audit log: admins. */
  READ_AUDIT_LOG
}
