/**
 * Who acts: users, their roles and the {@link dev.triage.domain.user.Actor} every operation is
 * performed by, including the system actor of background jobs.
 */
package dev.triage.domain.user;
