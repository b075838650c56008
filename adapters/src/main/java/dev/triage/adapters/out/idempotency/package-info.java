/**
 * Idempotency records in PostgreSQL: the answer to each command sent with an {@code
 * Idempotency-Key}, written in the command's transaction (on its Hibernate session, with fixed SQL
 * text: ADR 0011), fingerprinted and sealed with secrets only the client's key yields, and purged
 * once expired (on the reactive pool).
 */
package dev.triage.adapters.out.idempotency;
