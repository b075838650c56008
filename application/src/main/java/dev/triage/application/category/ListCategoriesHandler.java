package dev.triage.application.category;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Categories;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Reads the catalogue by name, in one answer (it is a short list an admin keeps by hand). */
public final class ListCategoriesHandler implements Handler<ListCategories, List<CategoryView>> {

  private final Categories categories;

  public ListCategoriesHandler(Categories categories) {
    this.categories = categories;
  }

  @Override
  public Uni<Result<List<CategoryView>>> handle(ListCategories query, RequestContext context) {
    return categories
        .list(query.all())
        .map(all -> Result.ok(all.stream().map(CategoryView::of).toList()));
  }
}
