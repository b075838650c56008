package dev.triage.application.view;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Locks the view at the version the caller expects, applies the fields given (the filters checked
 * as at creation) and writes the next version; fields that come out as they were write nothing.
 * Another's personal view is not found; a shared view changed by anyone but an admin is forbidden.
 */
public final class ChangeViewHandler implements Handler<ChangeView, SavedView> {

  private final SavedViews views;
  private final ListTicketsHandler list;
  private final Clock clock;

  public ChangeViewHandler(SavedViews views, ListTicketsHandler list, Clock clock) {
    this.views = views;
    this.list = list;
    this.clock = clock;
  }

  @Override
  public Uni<Result<SavedView>> handle(ChangeView c, RequestContext context) {
    Actor actor = context.actor();
    return list.fieldCatalogue().flatMap(catalogue -> handle(c, context, actor, catalogue));
  }

  private Uni<Result<SavedView>> handle(
      ChangeView c, RequestContext context, Actor actor, Map<String, FieldDefinition> catalogue) {
    return Results.then(
        ViewFields.find(c.viewId(), actor, views::lock),
        before -> {
          Optional<Result<SavedView>> refused = ViewFields.refusedChange(before, context);
          if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
          }
          if (c.ifMatch().isPresent() && c.ifMatch().get() != before.version()) {
            return Uni.createFrom()
                .item(
                    Result.<SavedView>err(
                        ErrorCode.VERSION_MISMATCH,
                        "The view is at version "
                            + before.version()
                            + ", not "
                            + c.ifMatch().get()
                            + "; reload it and try again."));
          }
          Map<String, List<String>> errors = new LinkedHashMap<>();
          if (c.shared() != null && c.shared() != before.shared()) {
            ViewFields.add(
                errors, "shared", "cannot change: save a new view and delete this one instead");
          }
          Optional<String> name =
              c.name() == null ? Optional.of(before.name()) : ViewFields.name(c.name(), errors);
          Optional<String> sort = c.sort() == null ? before.sort() : ViewFields.sort(c.sort());
          Optional<Map<String, List<String>>> filters =
              c.filters() == null && c.sort() == null
                  ? Optional.of(before.filters())
                  : ViewFields.filters(
                      c.filters() == null ? before.filters() : c.filters(),
                      sort.orElse(null),
                      actor,
                      list,
                      catalogue,
                      errors);
          if (!errors.isEmpty()) {
            return Uni.createFrom().item(ViewFields.rejection(errors));
          }
          SavedViews.Stored next =
              new SavedViews.Stored(
                  before.id(),
                  before.owner(),
                  name.orElseThrow(),
                  filters.orElseThrow(),
                  sort,
                  before.createdBy(),
                  before.version() + 1,
                  clock.instant());
          return change(before, next, context);
        });
  }

  private Uni<Result<SavedView>> change(
      SavedViews.Stored before, SavedViews.Stored next, RequestContext context) {
    SavedView was = SavedView.of(before);
    String id = before.id().toString();
    if (next.name().equals(before.name())
        && next.filters().equals(before.filters())
        && next.sort().equals(before.sort())) {
      context.effects().changed(SavedView.ENTITY, id, was, was);
      return Uni.createFrom().item(Result.ok(was));
    }
    return views
        .change(next)
        .map(
            changed -> {
              if (!changed) {
                return Result.<SavedView>err(
                    ErrorCode.CONFLICT, ViewFields.nameTaken(next.name(), next.shared()));
              }
              SavedView view = SavedView.of(next);
              context.effects().changed(SavedView.ENTITY, id, was, view);
              return Result.ok(view);
            });
  }
}
