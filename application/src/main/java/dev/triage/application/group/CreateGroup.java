package dev.triage.application.group;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.validation.CodePoints;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An admin adds a group. The name is checked after trimming (1 to {@value #MAX_NAME_LENGTH}
 * characters, unique ignoring case); each member must be an active agent or admin.
 *
 * @param memberIds null for none
 */
public record CreateGroup(
    String name,
    @Size(max = MAX_MEMBERS, message = "at most {max} members are allowed")
        List<
                @NotNull(message = "must not be null")
                @CodePoints(max = MAX_ID_LENGTH, message = "must be at most {max} characters")
                String>
            memberIds)
    implements Command<GroupView> {

  /** The longest group name. */
  public static final int MAX_NAME_LENGTH = 60;

  /** The most members a group may have. */
  public static final int MAX_MEMBERS = 500;

  /** Longer than any id. */
  public static final int MAX_ID_LENGTH = 64;

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
