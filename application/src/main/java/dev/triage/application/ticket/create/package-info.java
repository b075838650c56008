/** Opening a ticket. */
package dev.triage.application.ticket.create;
