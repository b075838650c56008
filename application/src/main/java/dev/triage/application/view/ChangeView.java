package dev.triage.application.view;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner of a personal view, or an admin for a shared one, changes some of its fields; a field
 * left out ({@code null}) stays as it is. Whether a view is shared does not change.
 *
 * @param ifMatch the version the caller last read; empty for whatever is current
 * @param filters replaces the whole set of filters when given
 * @param sort empty text for the list's default
 * @param shared must say what the view is, when given
 */
public record ChangeView(
    String viewId,
    Optional<Long> ifMatch,
    String name,
    Boolean shared,
    Map<String, Object> filters,
    String sort)
    implements Command<SavedView> {

  public ChangeView {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.AUTHENTICATED;
  }
}
