/**
 * The people of a ticket besides its requester and assignee: CCs (customers copied on it) and
 * followers (staff who hear of it), added and removed as commands on the ticket (ADR 24).
 */
package dev.triage.application.ticket.people;
