/**
 * Commands that change an existing ticket: edit, status, assignment, escalation, comments, close
 * and reopen. Each handler states the one domain operation it runs; {@link
 * dev.triage.application.ticket.change.TicketUpdates} does the loading, locking, version check,
 * saving, outbox and audit note they all share.
 */
package dev.triage.application.ticket.change;
