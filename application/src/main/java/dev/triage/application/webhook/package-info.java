/**
 * Webhooks: admins register HTTPS endpoints that hear of ticket events, signed with a secret shown
 * once; the delivery log and redelivery; the retry schedule the sender follows.
 */
package dev.triage.application.webhook;
