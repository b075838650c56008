/**
 * Idempotency records in PostgreSQL: the answer to each command sent with an {@code
 * Idempotency-Key}, written in the command's transaction, fingerprinted and sealed with secrets
 * only the client's key yields, and purged once expired.
 */
package dev.triage.adapters.out.idempotency;
