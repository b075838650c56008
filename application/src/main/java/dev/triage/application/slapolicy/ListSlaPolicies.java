package dev.triage.application.slapolicy;

import dev.triage.application.Page;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * Which policies are there? A page of them in the order selection tries them (by position, the
 * default last), each at its current version.
 *
 * @param after the position after which the page starts, from the previous page's {@code next}
 */
public record ListSlaPolicies(
    Optional<String> after,
    @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100")
        int limit)
    implements Query<Page<SlaPolicyView>> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
