package dev.triage.application.category;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.validation.CodePoints;

/**
 * An admin adds a category to the catalogue. The name is checked after trimming (1 to {@value
 * dev.triage.domain.ticket.Category#MAX_LENGTH} characters, unique ignoring case).
 *
 * @param defaultGroupId a group's id, or null or empty for none
 * @param defaultPriority a priority's name, or null or empty for none
 * @param active null for true
 */
public record CreateCategory(
    String name,
    @CodePoints(max = MAX_ID_LENGTH, message = "must be at most {max} characters")
        String defaultGroupId,
    @CodePoints(max = MAX_ID_LENGTH, message = "must be at most {max} characters")
        String defaultPriority,
    Boolean active)
    implements Command<CategoryView> {

  /** Longer than any id or priority name. */
  public static final int MAX_ID_LENGTH = 64;

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
