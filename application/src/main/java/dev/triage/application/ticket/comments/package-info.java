/** Reading a ticket's comments a page at a time; internal notes only for those who may see them. */
package dev.triage.application.ticket.comments;
