package dev.triage.application.category;

import dev.triage.application.port.Categories;
import dev.triage.domain.ticket.Priority;
import java.util.UUID;

/**
 * A catalogue entry as the API and the audit trail show it.
 *
 * @param defaultGroupId null when none is set
 * @param defaultPriority null when none is set (the runtime settings' default applies)
 */
public record CategoryView(
    UUID id,
    String name,
    UUID defaultGroupId,
    Priority defaultPriority,
    boolean active,
    long version) {

  /** The audited entity type of categories. */
  public static final String ENTITY = "Category";

  public static CategoryView of(Categories.Stored stored) {
    return new CategoryView(
        stored.id(),
        stored.name(),
        stored.defaultGroupId().orElse(null),
        stored.defaultPriority().orElse(null),
        stored.active(),
        stored.version());
  }
}
