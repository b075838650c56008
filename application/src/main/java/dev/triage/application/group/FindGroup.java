package dev.triage.application.group;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What is this group, and who is in it? Staff only. */
public record FindGroup(String groupId) implements Query<GroupView> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
