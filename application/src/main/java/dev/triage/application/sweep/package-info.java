/**
 * The sweeps that act without being asked: SLA warnings and breaches, automatic escalation of stale
 * OPEN tickets, auto-close of idle RESOLVED tickets. Each ticket is one bus command in its own
 * transaction, locked with SKIP LOCKED and re-checked with the domain's decision, so any number of
 * replicas may sweep at once and every effect happens once.
 */
package dev.triage.application.sweep;
