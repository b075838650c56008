package dev.triage.application.identity.users;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.identity.UserView;
import dev.triage.domain.user.Role;
import java.util.Optional;

/**
 * An admin changes an account's role and/or active flag (either ends its sessions), and/or whether
 * an agent sees only the tickets of their groups (sessions go on, seeing the change at once).
 */
public record UpdateUser(
    String userId,
    Optional<Role> role,
    Optional<Boolean> active,
    Optional<Boolean> restrictedToGroups)
    implements Command<UserView> {

  public UpdateUser(String userId, Optional<Role> role, Optional<Boolean> active) {
    this(userId, role, active, Optional.empty());
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
