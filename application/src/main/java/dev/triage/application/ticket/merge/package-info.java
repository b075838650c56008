/** Merging one ticket into another (ADR 30). */
package dev.triage.application.ticket.merge;
