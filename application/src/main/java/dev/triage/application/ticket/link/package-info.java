/** Links between tickets: related, duplicate-of, caused-by and their inverses (ADR 25). */
package dev.triage.application.ticket.link;
