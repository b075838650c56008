package dev.triage.application.view;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Map;

/**
 * A caller saves a view of the ticket list: a personal one, or (admins only) one shared with all
 * staff.
 *
 * @param shared null for false
 * @param filters the list's query parameters by name, each a string or an array of strings; null
 *     for none
 * @param sort the list's {@code sort}; null or empty for its default
 */
public record CreateView(String name, Boolean shared, Map<String, Object> filters, String sort)
    implements Command<SavedView> {

  @Override
  public Access requiredAccess() {
    return Access.AUTHENTICATED;
  }
}
