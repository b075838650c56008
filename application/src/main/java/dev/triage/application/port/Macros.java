package dev.triage.application.port;

import dev.triage.application.macro.MacroAction;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Macros (issue 19, point 3): a title and a list of actions. A personal macro belongs to its owner;
 * a shared one (no owner) is kept by admins and read by all staff.
 */
public interface Macros {

  /** Adds a macro in the command's transaction. */
  Uni<Void> add(Stored macro);

  /** The macro, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(UUID id);

  /** Writes {@code next} over the macro of its id, in the command's transaction. */
  Uni<Void> change(Stored next);

  /** Removes the macro in the command's transaction. */
  Uni<Void> delete(UUID id);

  /** The macro as last committed. */
  Uni<Optional<Stored>> find(UUID id);

  /** The personal macros of {@code owner} and the shared ones: shared first, each part by title. */
  Uni<List<Stored>> visible(UserId owner);

  /**
   * One macro as stored.
   *
   * @param owner the user whose personal macro it is; empty for a shared one
   * @param actions its actions as checked when saved, in the order given
   */
  record Stored(
      UUID id,
      Optional<UserId> owner,
      String title,
      List<MacroAction> actions,
      UserId createdBy,
      long version,
      Instant updatedAt) {
    public Stored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(title, "title");
      actions = List.copyOf(actions);
      Objects.requireNonNull(createdBy, "createdBy");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean shared() {
      return owner.isEmpty();
    }
  }
}
