/**
 * Accounts, sessions and API tokens: registering, logging in, refreshing and ending sessions, admin
 * user management, and resolving a bearer token to a caller.
 */
package dev.triage.application.identity;
