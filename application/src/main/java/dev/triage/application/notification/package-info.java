/**
 * The in-app inbox of each signed-in user: list (all or unread, in keyset pages), count the unread,
 * mark read, unread or all read. Only one's own inbox: another user's notification is NOT_FOUND.
 */
package dev.triage.application.notification;
