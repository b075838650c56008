package dev.triage.application.group;

import dev.triage.application.port.Groups;
import java.util.List;
import java.util.UUID;

/** A group as the API and the audit trail show it. */
public record GroupView(UUID id, String name, List<UUID> memberIds, long version) {

  /** The audited entity type of groups. */
  public static final String ENTITY = "Group";

  public GroupView {
    memberIds = List.copyOf(memberIds);
  }

  public static GroupView of(Groups.Stored stored) {
    return new GroupView(stored.id(), stored.name(), stored.memberIds(), stored.version());
  }
}
