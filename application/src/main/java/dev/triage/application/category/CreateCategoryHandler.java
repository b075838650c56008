package dev.triage.application.category;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Categories;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Priority;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Checks the fields (every refusal names its field), then adds the entry at version 1; a name
 * another entry has in any case is a conflict.
 */
public final class CreateCategoryHandler implements Handler<CreateCategory, CategoryView> {

  private final Categories categories;
  private final Clock clock;
  private final RandomGenerator random;
  private final Groups groups;

  public CreateCategoryHandler(Categories categories, Clock clock, RandomGenerator random) {
    this(categories, clock, random, null);
  }

  /** With {@code groups}, a default group must name an existing group. */
  public CreateCategoryHandler(
      Categories categories, Clock clock, RandomGenerator random, Groups groups) {
    this.categories = categories;
    this.clock = clock;
    this.random = random;
    this.groups = groups;
  }

  @Override
  public Uni<Result<CategoryView>> handle(CreateCategory c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<String> name = CategoryFields.name(c.name(), errors);
    Optional<UUID> group = CategoryFields.groupId(c.defaultGroupId(), errors).flatMap(g -> g);
    Optional<Priority> priority =
        CategoryFields.priority(c.defaultPriority(), errors).flatMap(p -> p);
    Instant now = clock.instant();
    return Results.then(
        errors.toResult(
            () ->
                new Categories.Stored(
                    Uuids.v7(now, random),
                    name.orElseThrow(),
                    group,
                    priority,
                    c.active() == null || c.active(),
                    1,
                    now)),
        stored ->
            CategoryFields.withGroup(stored.defaultGroupId(), groups, () -> add(stored, context)));
  }

  private Uni<Result<CategoryView>> add(Categories.Stored stored, RequestContext context) {
    return categories
        .add(stored)
        .map(
            added -> {
              if (!added) {
                return Result.<CategoryView>err(
                    ErrorCode.CONFLICT, CategoryFields.nameTaken(stored.name()));
              }
              CategoryView view = CategoryView.of(stored);
              context.effects().changed(CategoryView.ENTITY, stored.id().toString(), null, view);
              return Result.ok(view);
            });
  }
}
