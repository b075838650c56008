package dev.triage.application.port;

import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved views of the ticket list (issue 18, point 5): a name, the list's filters and its order. A
 * personal view belongs to its owner; a shared one (no owner) is kept by admins and read by all
 * staff. Names are unique per owner, and among shared views, ignoring case.
 */
public interface SavedViews {

  /**
   * Adds a view in the command's transaction; false (and nothing written) when its owner (or the
   * shared views, for a shared one) has a view of that name in any case.
   */
  Uni<Boolean> add(Stored view);

  /** The view, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(UUID id);

  /** Writes {@code next} over the view of its id; false when the name is taken (see add). */
  Uni<Boolean> change(Stored next);

  /** Removes the view in the command's transaction. */
  Uni<Void> delete(UUID id);

  /** The view as last committed. */
  Uni<Optional<Stored>> find(UUID id);

  /**
   * The personal views of {@code owner} and, with {@code withShared}, the shared views: shared ones
   * first, each part by name.
   */
  Uni<List<Stored>> visible(UserId owner, boolean withShared);

  /**
   * One view as stored.
   *
   * @param owner the user whose personal view it is; empty for a shared view
   * @param filters the list's query parameters by name, each with its values
   * @param sort the list's {@code sort}; empty for the list's default
   * @param createdBy who made it (an admin, for a shared view)
   */
  record Stored(
      UUID id,
      Optional<UserId> owner,
      String name,
      Map<String, List<String>> filters,
      Optional<String> sort,
      UserId createdBy,
      long version,
      Instant updatedAt) {
    public Stored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(name, "name");
      filters = Map.copyOf(filters);
      Objects.requireNonNull(sort, "sort");
      Objects.requireNonNull(createdBy, "createdBy");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean shared() {
      return owner.isEmpty();
    }
  }
}
