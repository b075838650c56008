/**
 * Rate limiting on Bucket4j token buckets: limits that guard accounts live in PostgreSQL so they
 * hold across replicas; the per-caller ones are kept in memory by each replica.
 */
package dev.triage.adapters.out.ratelimit;
