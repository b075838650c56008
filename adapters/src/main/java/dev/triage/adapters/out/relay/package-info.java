/**
 * The outbox relay and the database signals around it (ADR 0009): committed outbox events are
 * handed to the consumers (notifications, webhooks) and given a position that live streams resume
 * from; PostgreSQL LISTEN/NOTIFY wakes every replica.
 */
package dev.triage.adapters.out.relay;
