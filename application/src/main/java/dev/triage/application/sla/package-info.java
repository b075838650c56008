/**
 * How tickets are measured: the policy and calendar versions they pin, and where they come from.
 */
package dev.triage.application.sla;
