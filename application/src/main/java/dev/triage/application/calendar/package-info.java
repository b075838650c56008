/**
 * Business calendars (ADR 17, point 1): admins define a calendar's zone, working intervals and
 * holidays; every edit is a new immutable version, so what a ticket was measured against never
 * changes under it. Staff read them.
 */
package dev.triage.application.calendar;
