/**
 * The staff list of tickets whose running SLA clock has passed its due date, most overdue first.
 */
package dev.triage.application.ticket.overdue;
