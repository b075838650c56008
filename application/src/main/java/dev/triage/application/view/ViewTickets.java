package dev.triage.application.view;

import dev.triage.application.Page;
import dev.triage.application.bus.Query;
import dev.triage.application.ticket.list.TicketSummary;

/**
 * A page of the tickets of a view: exactly the list's page with the view's filters and order, under
 * the caller's own access scope.
 *
 * @param limit as the list's {@code limit}
 * @param position the decoded cursor of the previous page, if any
 */
public record ViewTickets(String viewId, String limit, String position)
    implements Query<Page<TicketSummary>> {}
