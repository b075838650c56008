/** Logging in, refreshing a session, logging out. */
package dev.triage.application.identity.session;
