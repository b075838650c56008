/** One change applied to many tickets, each ticket through the bus as its own command. */
package dev.triage.application.ticket.bulk;
