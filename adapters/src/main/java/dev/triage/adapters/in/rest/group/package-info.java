/** {@code /api/v1/groups}: groups (teams) of staff (ADR 0019). */
package dev.triage.adapters.in.rest.group;
