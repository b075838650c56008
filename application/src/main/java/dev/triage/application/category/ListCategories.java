package dev.triage.application.category;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/**
 * Which categories may a ticket be given? The whole catalogue by name: the active entries, or with
 * {@code all} (staff only) the inactive ones too.
 */
public record ListCategories(boolean all) implements Query<List<CategoryView>> {

  @Override
  public Access requiredAccess() {
    return all ? Access.STAFF : Access.AUTHENTICATED;
  }
}
