/**
 * The one place that answers "may this actor see this ticket", "may they do this to it" and "what
 * of it may they see". Every read and write of the application goes through {@link
 * dev.triage.domain.access.AccessPolicy}; it asks the aggregate's own rule questions, so the rules
 * a caller is told and the rules that are enforced cannot drift apart.
 */
package dev.triage.domain.access;
