package dev.triage.application.view;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.application.view.CountViews.ViewCount;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts each visible view as its caller would list it: the view's list query read by the list's
 * own handler for the caller (scope, {@code assignee=me}), its criteria counted through {@link
 * ViewCounts}, so a poll costs a database count only when no fresh one is cached.
 */
public final class CountViewsHandler implements Handler<CountViews, List<ViewCount>> {

  /** Counts of one caller's views run at once, at most. */
  static final int CONCURRENT_COUNTS = 4;

  private final SavedViews views;
  private final ListTicketsHandler list;
  private final ViewCounts counts;
  private final Clock clock;

  public CountViewsHandler(
      SavedViews views, ListTicketsHandler list, ViewCounts counts, Clock clock) {
    this.views = views;
    this.list = list;
    this.counts = counts;
    this.clock = clock;
  }

  @Override
  public Uni<Result<List<ViewCount>>> handle(CountViews query, RequestContext context) {
    Actor actor = context.actor();
    return views
        .visible(actor.id(), actor.isStaff())
        .flatMap(
            all -> {
              List<Uni<ViewCount>> each = new ArrayList<>();
              for (var stored : all) {
                each.add(count(SavedView.of(stored), stored, actor));
              }
              if (each.isEmpty()) {
                return Uni.createFrom().item(Result.ok(List.<ViewCount>of()));
              }
              // A few at a time: a caller with many views takes a few of the pool's connections,
              // not all.
              return Uni.join()
                  .all(each)
                  .usingConcurrencyOf(CONCURRENT_COUNTS)
                  .andFailFast()
                  .map(Result::ok);
            });
  }

  private Uni<ViewCount> count(SavedView view, SavedViews.Stored stored, Actor actor) {
    return list.fieldCatalogue().flatMap(catalogue -> count(view, stored, actor, catalogue));
  }

  private Uni<ViewCount> count(
      SavedView view,
      SavedViews.Stored stored,
      Actor actor,
      Map<String, FieldDefinition> catalogue) {
    Result<ListTicketsHandler.Plan> plan =
        ViewFields.query(stored, null, null).flatMap(q -> list.plan(q, catalogue, actor));
    if (plan instanceof Result.Err<ListTicketsHandler.Plan> err) {
      // Saved filters are checked by this same reading; only a list grown stricter since refuses.
      return Uni.createFrom()
          .item(new ViewCount(view, null, false, clock.instant(), err.message()));
    }
    ListTicketsHandler.Plan p = plan.orElseThrow();
    if (p.criteria().isEmpty()) {
      return Uni.createFrom().item(new ViewCount(view, 0L, false, clock.instant(), null));
    }
    return counts
        .count(p.criteria().get())
        .map(c -> new ViewCount(view, c.count(), c.capped(), c.countedAt(), null));
  }
}
