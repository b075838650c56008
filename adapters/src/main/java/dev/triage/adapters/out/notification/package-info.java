/**
 * The in-app inboxes in PostgreSQL: the relay consumer that fills them from committed ticket
 * events, and the SQL adapter of the {@code Notifications} port that reads and marks them.
 */
package dev.triage.adapters.out.notification;
