package dev.triage.application.category;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Categories;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Locks the entry at the version the caller expects, applies the fields given and writes the next
 * version; fields that come out as they were write nothing and answer the current version. A rename
 * changes the catalogue only: tickets keep the category text they have.
 */
public final class ChangeCategoryHandler implements Handler<ChangeCategory, CategoryView> {

  private final Categories categories;
  private final Clock clock;
  private final Groups groups;

  public ChangeCategoryHandler(Categories categories, Clock clock) {
    this(categories, clock, null);
  }

  /** With {@code groups}, a default group must name an existing group. */
  public ChangeCategoryHandler(Categories categories, Clock clock, Groups groups) {
    this.categories = categories;
    this.clock = clock;
    this.groups = groups;
  }

  @Override
  public Uni<Result<CategoryView>> handle(ChangeCategory c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<String> name =
        c.name() == null ? Optional.empty() : CategoryFields.name(c.name(), errors);
    Optional<Optional<UUID>> group = CategoryFields.groupId(c.defaultGroupId(), errors);
    Optional<Optional<Priority>> priority = CategoryFields.priority(c.defaultPriority(), errors);
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(errors.toResult(() -> null));
    }
    return CategoryFields.withGroup(
        group.flatMap(g -> g), groups, () -> change(c, name, group, priority, context));
  }

  private Uni<Result<CategoryView>> change(
      ChangeCategory c,
      Optional<String> name,
      Optional<Optional<UUID>> group,
      Optional<Optional<Priority>> priority,
      RequestContext context) {
    return Results.then(
        CategoryFields.find(c.categoryId(), categories::lock),
        before -> {
          if (c.ifMatch().isPresent() && c.ifMatch().get() != before.version()) {
            return Uni.createFrom()
                .item(
                    Result.<CategoryView>err(
                        ErrorCode.VERSION_MISMATCH,
                        "Category "
                            + before.name()
                            + " is at version "
                            + before.version()
                            + ", not "
                            + c.ifMatch().get()
                            + "; reload it and try again."));
          }
          Categories.Stored next =
              new Categories.Stored(
                  before.id(),
                  name.orElse(before.name()),
                  group.orElse(before.defaultGroupId()),
                  priority.orElse(before.defaultPriority()),
                  c.active() == null ? before.active() : c.active(),
                  before.version() + 1,
                  clock.instant());
          return change(before, next, context);
        });
  }

  private Uni<Result<CategoryView>> change(
      Categories.Stored before, Categories.Stored next, RequestContext context) {
    CategoryView was = CategoryView.of(before);
    String id = before.id().toString();
    if (next.name().equals(before.name())
        && next.defaultGroupId().equals(before.defaultGroupId())
        && next.defaultPriority().equals(before.defaultPriority())
        && next.active() == before.active()) {
      context.effects().changed(CategoryView.ENTITY, id, was, was);
      return Uni.createFrom().item(Result.ok(was));
    }
    return categories
        .change(next)
        .map(
            changed -> {
              if (!changed) {
                return Result.<CategoryView>err(
                    ErrorCode.CONFLICT, CategoryFields.nameTaken(next.name()));
              }
              CategoryView view = CategoryView.of(next);
              context.effects().changed(CategoryView.ENTITY, id, was, view);
              return Result.ok(view);
            });
  }
}
