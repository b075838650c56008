package dev.triage.application.port;

import dev.triage.domain.ticket.Priority;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The category catalogue admins keep (issue 18, point 2): each entry a name, unique without regard
 * to case, with an optional default group and default priority for new tickets, and whether tickets
 * may be given it now. Entries are never deleted, only made inactive; every change raises the
 * version by one.
 */
public interface Categories extends CategoryCatalogue {

  /**
   * Adds an entry in the command's transaction; false (and nothing written) when an entry already
   * has its name in any case.
   */
  Uni<Boolean> add(Stored category);

  /** The entry, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(UUID id);

  /**
   * Writes {@code next} over the entry of its id, in the command's transaction; false (and nothing
   * written) when another entry has its name in any case.
   */
  Uni<Boolean> change(Stored next);

  /** The entry as last committed. */
  Uni<Optional<Stored>> find(UUID id);

  /** Every entry by name (then id), or the active ones only. */
  Uni<List<Stored>> list(boolean includeInactive);

  /**
   * One entry as stored.
   *
   * @param defaultGroupId the group new tickets of this category go to, once groups exist
   * @param defaultPriority the priority of a ticket opened in this category without one
   */
  record Stored(
      UUID id,
      String name,
      Optional<UUID> defaultGroupId,
      Optional<Priority> defaultPriority,
      boolean active,
      long version,
      Instant updatedAt) {
    public Stored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(defaultGroupId, "defaultGroupId");
      Objects.requireNonNull(defaultPriority, "defaultPriority");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }
}
