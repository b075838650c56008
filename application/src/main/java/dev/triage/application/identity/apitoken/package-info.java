/** API tokens for integrations: created by admins with scopes, shown once, revocable. */
package dev.triage.application.identity.apitoken;
