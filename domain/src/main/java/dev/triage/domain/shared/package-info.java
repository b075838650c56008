/**
 * Building blocks every other domain package uses: the {@link dev.triage.domain.shared.Result} of
 * an operation a user can cause, the {@link dev.triage.domain.shared.ErrorCode} naming each
 * refusal, and small helpers with no business meaning of their own.
 */
package dev.triage.domain.shared;
