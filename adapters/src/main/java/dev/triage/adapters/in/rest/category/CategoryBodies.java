package dev.triage.adapters.in.rest.category;

import dev.triage.application.category.CategoryView;
import dev.triage.application.category.CreateCategory;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Priority;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the category endpoints (field names are part of the contract, issue 18). */
final class CategoryBodies {

  private static final String GROUP =
      "The group new tickets of this category go to, as its id. Groups do not exist yet: the id"
          + " is kept as given and takes effect once they do.";
  private static final String PRIORITY =
      "The priority of a ticket opened in this category without one (before the runtime"
          + " settings' default); one of LOW, MEDIUM, HIGH, CRITICAL";

  private CategoryBodies() {}

  @Schema(
      name = "CategoryRequest",
      description =
          "A category's fields. To create one, name is required; to change one, every field may"
              + " be left out (it stays as it is), and empty text clears defaultGroupId or"
              + " defaultPriority.")
  record CategoryRequest(
      @Schema(
              maxLength = Category.MAX_LENGTH,
              description =
                  "1 to "
                      + Category.MAX_LENGTH
                      + " characters after trimming; unique among categories, whatever the case",
              examples = "Hardware")
          String name,
      @Schema(
              maxLength = CreateCategory.MAX_ID_LENGTH,
              format = "uuid",
              nullable = true,
              description = GROUP)
          String defaultGroupId,
      @Schema(
              maxLength = CreateCategory.MAX_ID_LENGTH,
              nullable = true,
              enumeration = {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
              description = PRIORITY)
          String defaultPriority,
      @Schema(
              description =
                  "Whether tickets may be given this category (default true); false takes it out"
                      + " of the list customers see, and tickets that have it keep it")
          Boolean active) {}

  @Schema(name = "Category")
  record CategoryResponse(
      UUID id,
      @Schema(examples = "Hardware") String name,
      @Schema(nullable = true, description = GROUP) UUID defaultGroupId,
      @Schema(nullable = true, description = PRIORITY) Priority defaultPriority,
      @Schema(description = "Whether tickets may be given this category") boolean active,
      @Schema(description = "The category's version: its ETag, to send back as If-Match")
          long version) {

    static CategoryResponse of(CategoryView v) {
      return new CategoryResponse(
          v.id(), v.name(), v.defaultGroupId(), v.defaultPriority(), v.active(), v.version());
    }
  }

  @Schema(name = "CategoryList", description = "The whole catalogue by name, in one page")
  record CategoryList(
      List<CategoryResponse> items,
      @Schema(nullable = true, description = "Always null: the catalogue comes in one page")
          String nextCursor) {}
}
