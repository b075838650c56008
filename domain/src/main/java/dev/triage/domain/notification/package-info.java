/**
 * Who hears of a ticket event in their in-app inbox, decided as a pure rule: the people the event
 * concerns, never the one who caused it, and never a customer for an internal event.
 */
package dev.triage.domain.notification;
