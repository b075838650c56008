/**
 * Service levels: business calendars and exact business-time arithmetic, the policy of targets per
 * priority, and the two clocks of a ticket (first response, resolution) derived from its history,
 * with an explanation a support lead can follow.
 */
package dev.triage.domain.sla;
