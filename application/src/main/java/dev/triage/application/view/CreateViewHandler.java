package dev.triage.application.view;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Checks the fields (the filters by the list's own reading of them), then saves the view at version
 * 1; a shared view asked for by anyone but an admin is forbidden, a name the owner has is a
 * conflict.
 */
public final class CreateViewHandler implements Handler<CreateView, SavedView> {

  private final SavedViews views;
  private final ListTicketsHandler list;
  private final Clock clock;
  private final RandomGenerator random;

  public CreateViewHandler(
      SavedViews views, ListTicketsHandler list, Clock clock, RandomGenerator random) {
    this.views = views;
    this.list = list;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Uni<Result<SavedView>> handle(CreateView c, RequestContext context) {
    Actor actor = context.actor();
    boolean shared = Boolean.TRUE.equals(c.shared());
    if (shared && !ViewFields.keepsShared(context)) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.FORBIDDEN, "Only admins make shared views."));
    }
    return list.fieldCatalogue().flatMap(catalogue -> create(c, context, shared, catalogue));
  }

  private Uni<Result<SavedView>> create(
      CreateView c,
      RequestContext context,
      boolean shared,
      Map<String, FieldDefinition> catalogue) {
    Actor actor = context.actor();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Optional<String> name = ViewFields.name(c.name(), errors);
    Optional<String> sort = ViewFields.sort(c.sort());
    Optional<Map<String, List<String>>> filters =
        ViewFields.filters(c.filters(), sort.orElse(null), actor, list, catalogue, errors);
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(ViewFields.rejection(errors));
    }
    Instant now = clock.instant();
    SavedViews.Stored stored =
        new SavedViews.Stored(
            Uuids.v7(now, random),
            shared ? Optional.empty() : Optional.of(actor.id()),
            name.orElseThrow(),
            filters.orElseThrow(),
            sort,
            actor.id(),
            1,
            now);
    return views
        .add(stored)
        .map(
            added -> {
              if (!added) {
                return Result.<SavedView>err(
                    ErrorCode.CONFLICT, ViewFields.nameTaken(stored.name(), shared));
              }
              SavedView view = SavedView.of(stored);
              context.effects().changed(SavedView.ENTITY, stored.id().toString(), null, view);
              return Result.ok(view);
            });
  }
}
