package dev.triage.application.group;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin deletes a group no ticket and no category refers to.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record DeleteGroup(String groupId, Optional<Long> ifMatch) implements Command<Boolean> {

  public DeleteGroup {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
