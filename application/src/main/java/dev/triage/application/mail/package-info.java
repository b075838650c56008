/**
 * E-mail as a channel (ADR 0026): each user's choice of which notifications reach them by mail, and
 * the admins' view of the mail outbox.
 */
package dev.triage.application.mail;
