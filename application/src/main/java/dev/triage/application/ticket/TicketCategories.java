package dev.triage.application.ticket;

import dev.triage.application.port.Categories;
import dev.triage.application.port.CategoryCatalogue;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.ticket.Category;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * The category a ticket may be given (issue 18, point 2): one the catalogue has and keeps active,
 * compared ignoring case, stored as the catalogue spells it. Creation and edits check it alike.
 */
public final class TicketCategories {

  private TicketCategories() {}

  /** The catalogue's entry the text names (in any case), active or not; none for no text. */
  public static Uni<Optional<Categories.Stored>> entry(CategoryCatalogue catalogue, String text) {
    if (Texts.isBlank(text)) {
      return Uni.createFrom().item(Optional.empty());
    }
    return catalogue.named(text.strip());
  }

  /**
   * The category for {@code text} given the {@code entry} it names: the active entry's name; a
   * refusal names the field {@code category}.
   */
  public static Result<Category> catalogued(String text, Optional<Categories.Stored> entry) {
    return Category.of(text)
        .flatMap(
            c ->
                entry.filter(Categories.Stored::active).isPresent()
                    ? Result.ok(new Category(entry.get().name()))
                    : Result.invalid(
                        "category",
                        "must be one of the active categories (GET /api/v1/categories)"));
  }
}
