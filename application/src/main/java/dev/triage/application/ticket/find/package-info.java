/** Reading one ticket by its id or its number. */
package dev.triage.application.ticket.find;
