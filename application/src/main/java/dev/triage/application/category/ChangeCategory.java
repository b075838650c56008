package dev.triage.application.category;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.validation.CodePoints;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin changes some of a category's fields; a field left out ({@code null}) stays as it is.
 * Empty text clears {@code defaultGroupId} or {@code defaultPriority}; {@code active} false takes
 * the category out of what tickets may be given (tickets that have it keep it).
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record ChangeCategory(
    String categoryId,
    Optional<Long> ifMatch,
    String name,
    @CodePoints(max = CreateCategory.MAX_ID_LENGTH, message = "must be at most {max} characters")
        String defaultGroupId,
    @CodePoints(max = CreateCategory.MAX_ID_LENGTH, message = "must be at most {max} characters")
        String defaultPriority,
    Boolean active)
    implements Command<CategoryView> {

  public ChangeCategory {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
