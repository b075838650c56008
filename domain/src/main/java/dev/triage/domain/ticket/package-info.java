/**
 * The ticket aggregate: its value objects, lifecycle and role rules, comments and the events every
 * change emits. The aggregate is immutable; each operation returns the next state and its events,
 * or a refusal.
 */
package dev.triage.domain.ticket;
