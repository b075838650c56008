package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An admin creates a named API token holding the given scopes. */
public record CreateApiToken(
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @NotEmpty(message = "name at least one of tickets:read, tickets:write, admin")
        @Size(max = 3, message = "at most 3 scopes")
        List<String> scopes)
    implements Command<ApiTokenView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
