/** Splitting a comment into a new ticket (ADR 30). */
package dev.triage.application.ticket.split;
