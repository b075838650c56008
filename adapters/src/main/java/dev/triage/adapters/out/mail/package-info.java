/**
 * E-mail out (ADR 0026): the relay's mail consumer renders each notification into the mail outbox;
 * the mail sender claims due mails and hands them to the SMTP server through Quarkus Mailer.
 */
package dev.triage.adapters.out.mail;
