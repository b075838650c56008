package dev.triage.application.view;

import dev.triage.application.Page;
import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.application.ticket.list.TicketSummary;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/**
 * Finds the view the caller may see and hands its list query to the list's own handler, as the
 * caller: the same criteria, scope, order and cursors as {@code GET /api/v1/tickets} with those
 * parameters.
 */
public final class ViewTicketsHandler implements Handler<ViewTickets, Page<TicketSummary>> {

  private final SavedViews views;
  private final ListTicketsHandler list;

  public ViewTicketsHandler(SavedViews views, ListTicketsHandler list) {
    this.views = views;
    this.list = list;
  }

  @Override
  public Uni<Result<Page<TicketSummary>>> handle(ViewTickets query, RequestContext context) {
    return Results.then(
        ViewFields.find(query.viewId(), context.actor(), views::find),
        view ->
            Results.then(
                ViewFields.query(view, query.limit(), query.position()),
                listQuery -> list.handle(listQuery, context)));
  }
}
