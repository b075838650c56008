package dev.triage.application.view;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Reads the views visible to the caller: shared ones first (staff only), each part by name. */
public final class ListViewsHandler implements Handler<ListViews, List<SavedView>> {

  private final SavedViews views;

  public ListViewsHandler(SavedViews views) {
    this.views = views;
  }

  @Override
  public Uni<Result<List<SavedView>>> handle(ListViews query, RequestContext context) {
    Actor actor = context.actor();
    return views
        .visible(actor.id(), actor.isStaff())
        .map(all -> Result.ok(all.stream().map(SavedView::of).toList()));
  }
}
