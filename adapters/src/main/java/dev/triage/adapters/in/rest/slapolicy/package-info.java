/** SLA policies over HTTP: admins define, order and change them, staff read them. */
package dev.triage.adapters.in.rest.slapolicy;
