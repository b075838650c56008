/** {@code /api/v1/ticket-fields}: the custom ticket field catalogue (ADR 20). */
package dev.triage.adapters.in.rest.field;
