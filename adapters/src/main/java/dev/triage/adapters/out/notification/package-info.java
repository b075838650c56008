/**
 * The in-app inboxes in PostgreSQL: the relay consumer that fills them from committed ticket
 * events, and the SQL adapter of the {@code Notifications} port that reads them on the reactive
 * pool and marks them in the command's transaction (ADR 0011).
 */
package dev.triage.adapters.out.notification;
