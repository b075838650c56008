package dev.triage.application.identity.users;

import dev.triage.application.Page;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import dev.triage.application.identity.UserView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** Which accounts exist? A page ordered by email. */
public record ListUsers(
    Optional<String> afterEmail,
    @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100")
        int limit)
    implements Query<Page<UserView>> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
