/**
 * E-mail in (ADR 0026): messages from an IMAP mailbox or pushed over HTTP become tickets and public
 * replies, after the filters that keep auto-replies, bounces, bulk mail and Triage's own mail out.
 */
package dev.triage.adapters.in.mail;
