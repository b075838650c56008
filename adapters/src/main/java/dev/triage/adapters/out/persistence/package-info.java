/**
 * Persistence: Hibernate Reactive with Panache over the reactive PostgreSQL client. Entities are
 * persistence models mapped to and from domain objects and never leave this package.
 */
package dev.triage.adapters.out.persistence;
