package dev.triage.application.group;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.validation.CodePoints;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin renames a group or replaces its members; a field left out ({@code null}) stays as it is.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record ChangeGroup(
    String groupId,
    Optional<Long> ifMatch,
    String name,
    @Size(max = CreateGroup.MAX_MEMBERS, message = "at most {max} members are allowed")
        List<
                @NotNull(message = "must not be null")
                @CodePoints(
                    max = CreateGroup.MAX_ID_LENGTH,
                    message = "must be at most {max} characters")
                String>
            memberIds)
    implements Command<GroupView> {

  public ChangeGroup {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
