/**
 * The audit trail: one entry per successful command (who, what, which entity, its state before and
 * after, when, from where), written by the audit decorator in the command's transaction and read by
 * admins through {@code ListAuditEntries}.
 */
package dev.triage.application.audit;
