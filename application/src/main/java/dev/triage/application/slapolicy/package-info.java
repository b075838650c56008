/**
 * SLA policies (ADR 17, point 2): admins define ordered policies, each with conditions over ticket
 * fields, a calendar and per priority the targets of three clocks; every edit is a new immutable
 * version, so what a ticket was measured against never changes under it. The default policy always
 * exists. Staff read them.
 */
package dev.triage.application.slapolicy;
