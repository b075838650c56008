/** Ticket use cases, one package each, and the views they answer with. */
package dev.triage.application.ticket;
