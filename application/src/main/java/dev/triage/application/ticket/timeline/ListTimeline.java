package dev.triage.application.ticket.timeline;

import dev.triage.application.Page;
import dev.triage.application.bus.Query;

/**
 * What happened to this ticket, in order? Internal events (notes, escalations, SLA alarms) only for
 * those who may see them.
 *
 * @param position the decoded cursor of the previous page, if any
 */
public record ListTimeline(String idOrNumber, String limit, String position)
    implements Query<Page<TimelineEntry>> {}
