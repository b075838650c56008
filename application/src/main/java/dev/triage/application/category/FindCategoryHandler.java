package dev.triage.application.category;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Categories;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads one entry; an inactive one is not found for a caller who is not staff. */
public final class FindCategoryHandler implements Handler<FindCategory, CategoryView> {

  private final Categories categories;

  public FindCategoryHandler(Categories categories) {
    this.categories = categories;
  }

  @Override
  public Uni<Result<CategoryView>> handle(FindCategory query, RequestContext context) {
    return CategoryFields.find(query.categoryId(), categories::find)
        .map(
            found ->
                found.flatMap(
                    c ->
                        c.active() || context.actor().isStaff()
                            ? Result.ok(CategoryView.of(c))
                            : Result.err(ErrorCode.NOT_FOUND, CategoryFields.NOT_FOUND)));
  }
}
