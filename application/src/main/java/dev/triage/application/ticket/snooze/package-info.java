/** Snoozing a ticket until an instant, and waking it (ADR 30). */
package dev.triage.application.ticket.snooze;
