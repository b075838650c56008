/** The ticket endpoints under {@code /api/v1/tickets} and their JSON bodies. */
package dev.triage.adapters.in.rest.ticket;
