package dev.triage.application.view;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Deletes a view its caller may change; another's personal view is not found, a shared view deleted
 * by anyone but an admin is forbidden. Answers the view as it was.
 */
public final class DeleteViewHandler implements Handler<DeleteView, SavedView> {

  private final SavedViews views;

  public DeleteViewHandler(SavedViews views) {
    this.views = views;
  }

  @Override
  public Uni<Result<SavedView>> handle(DeleteView c, RequestContext context) {
    Actor actor = context.actor();
    return Results.then(
        ViewFields.find(c.viewId(), actor, views::lock),
        before -> {
          Optional<Result<SavedView>> refused = ViewFields.refusedChange(before, context);
          if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
          }
          SavedView was = SavedView.of(before);
          return views
              .delete(before.id())
              .map(
                  done -> {
                    context.effects().changed(SavedView.ENTITY, before.id().toString(), was, null);
                    return Result.ok(was);
                  });
        });
  }
}
