/** The caller's own account, and admins managing everyone's. */
package dev.triage.application.identity.users;
