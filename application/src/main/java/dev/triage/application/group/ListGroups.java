package dev.triage.application.group;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/** Every group by name, with its members. Staff only. */
public record ListGroups() implements Query<List<GroupView>> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
