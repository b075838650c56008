/** The admin dashboard: ticket counts, SLA figures over a time window, and per-agent figures. */
package dev.triage.application.dashboard;
