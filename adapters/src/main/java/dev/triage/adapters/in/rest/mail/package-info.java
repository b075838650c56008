/** E-mail over HTTP: each user's notification settings and the admins' view of the mail outbox. */
package dev.triage.adapters.in.rest.mail;
