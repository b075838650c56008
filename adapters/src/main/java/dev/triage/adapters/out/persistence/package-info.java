/**
 * Persistence in PostgreSQL, on the paths ADR 0011 assigns. {@code Panache*} classes write the
 * aggregates a command loads and saves, as entities on the command's Hibernate Reactive session;
 * the entities are persistence models mapped to and from domain objects and never leave this
 * package. {@code Sql*} classes are hand-written SQL: reads on the reactive pool ({@link
 * dev.triage.adapters.out.persistence.SqlTicketQueries}, {@link
 * dev.triage.adapters.out.persistence.SqlAuditLog}, {@link
 * dev.triage.adapters.out.persistence.SqlSweepCandidates}), with {@link
 * dev.triage.adapters.out.persistence.SqlStatement} for optional filters, or appends that must
 * commit with the command, on its session ({@link dev.triage.adapters.out.persistence.SqlOutbox},
 * {@link dev.triage.adapters.out.persistence.SqlAuditTrail}), with fixed SQL text only.
 */
package dev.triage.adapters.out.persistence;
