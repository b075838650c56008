package dev.triage.application.view;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads one view the caller may see. */
public final class FindViewHandler implements Handler<FindView, SavedView> {

  private final SavedViews views;

  public FindViewHandler(SavedViews views) {
    this.views = views;
  }

  @Override
  public Uni<Result<SavedView>> handle(FindView query, RequestContext context) {
    return ViewFields.find(query.viewId(), context.actor(), views::find)
        .map(found -> found.map(SavedView::of));
  }
}
