package dev.triage.application.view;

import dev.triage.application.port.SavedViews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A saved view as the API and the audit trail show it.
 *
 * @param ownerId the user whose personal view it is; null for a shared view
 * @param filters the list's query parameters by name, each with its values
 * @param sort the list's {@code sort}; null for the list's default
 */
public record SavedView(
    UUID id,
    String name,
    boolean shared,
    UUID ownerId,
    Map<String, List<String>> filters,
    String sort,
    UUID createdBy,
    long version,
    Instant updatedAt) {

  /** The audited entity type of saved views. */
  public static final String ENTITY = "View";

  public static SavedView of(SavedViews.Stored s) {
    return new SavedView(
        s.id(),
        s.name(),
        s.shared(),
        s.owner().map(o -> o.value()).orElse(null),
        s.filters(),
        s.sort().orElse(null),
        s.createdBy().value(),
        s.version(),
        s.updatedAt());
  }
}
