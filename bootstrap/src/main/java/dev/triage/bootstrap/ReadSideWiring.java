package dev.triage.bootstrap;

import dev.triage.application.audit.list.ListAuditEntries;
import dev.triage.application.audit.list.ListAuditEntriesHandler;
import dev.triage.application.dashboard.ShowDashboard;
import dev.triage.application.dashboard.ShowDashboardHandler;
import dev.triage.application.live.WatchEvents;
import dev.triage.application.live.WatchEventsHandler;
import dev.triage.application.port.AuditLog;
import dev.triage.application.port.LiveEvents;
import dev.triage.application.port.TicketFields;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.tag.ListTags;
import dev.triage.application.tag.ListTagsHandler;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.comments.ListComments;
import dev.triage.application.ticket.comments.ListCommentsHandler;
import dev.triage.application.ticket.list.ListTickets;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.application.ticket.overdue.ListOverdue;
import dev.triage.application.ticket.overdue.ListOverdueHandler;
import dev.triage.application.ticket.timeline.ListTimeline;
import dev.triage.application.ticket.timeline.ListTimelineHandler;
import dev.triage.domain.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The read side: ticket lists, comments and timelines, the dashboard, live events and the audit
 * log, each a query over the read ports.
 */
@ApplicationScoped
public class ReadSideWiring {

  @Produces
  @Singleton
  HandlerModule readSide(
      TicketQueries queries,
      TicketLookup lookup,
      LiveEvents liveEvents,
      AuditLog auditLog,
      TicketFields fields,
      Clock clock) {
    return registry -> {
      AccessPolicy policy = AccessPolicy.defaults();
      registry
          .register(ListTickets.class, new ListTicketsHandler(queries, policy, clock, fields))
          .register(ListOverdue.class, new ListOverdueHandler(queries, policy, clock))
          .register(ListTags.class, new ListTagsHandler(queries))
          .register(ListComments.class, new ListCommentsHandler(queries, policy, clock))
          .register(ListTimeline.class, new ListTimelineHandler(queries, policy, clock))
          .register(ShowDashboard.class, new ShowDashboardHandler(queries, clock))
          .register(WatchEvents.class, new WatchEventsHandler(liveEvents, lookup, policy))
          .register(ListAuditEntries.class, new ListAuditEntriesHandler(auditLog));
    };
  }
}
