/**
 * Listing and searching tickets: filters, sorts and keyset pages over the read-side port, scoped by
 * the access policy so a customer only ever sees their own tickets.
 */
package dev.triage.application.ticket.list;
