/** The audit log over HTTP: admins read who changed what, filtered and paged. */
package dev.triage.adapters.in.rest.audit;
