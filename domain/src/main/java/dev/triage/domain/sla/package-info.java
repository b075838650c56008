/**
 * Service levels: business calendars (with named, possibly yearly holidays) and exact business-time
 * arithmetic; SLA policies as admins define them (conditions, position, calendar, targets of three
 * clocks), their versions, the pure selection of the policy that applies and the pin of the
 * versions a ticket is measured against; and the three clocks of a ticket (first response,
 * resolution, next reply) derived from its history, with an explanation a support lead can follow.
 */
package dev.triage.domain.sla;
