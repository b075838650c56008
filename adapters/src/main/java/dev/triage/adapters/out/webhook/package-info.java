/**
 * Webhooks out: the registrations and the delivery log in PostgreSQL, the relay consumer that
 * queues a delivery per event and webhook, the sender that signs and posts them with retries, and
 * the guard that keeps webhook URLs out of the service's own network.
 */
package dev.triage.adapters.out.webhook;
