/**
 * The pure decisions of the background jobs: which ticket is due for automatic escalation, for
 * auto-close, or for an SLA warning or breach. Deciding lives here; running the sweeps (which
 * tickets to load, transactions, replicas) is the application's business.
 */
package dev.triage.domain.escalation;
