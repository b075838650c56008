package dev.triage.application.identity.users;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;
import dev.triage.domain.user.Role;
import java.util.Optional;

/** An admin changes an account's role and/or active flag; either ends its sessions. */
public record UpdateUser(String userId, Optional<Role> role, Optional<Boolean> active)
    implements Command<UserView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
