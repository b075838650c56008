/** A ticket's events in order, from the outbox; internal events only for those who may see them. */
package dev.triage.application.ticket.timeline;
