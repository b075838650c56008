/** Webhook registration and the delivery log over HTTP, for admins. */
package dev.triage.adapters.in.rest.webhook;
