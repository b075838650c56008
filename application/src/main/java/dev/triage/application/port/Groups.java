package dev.triage.application.port;

import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Groups (teams) of staff (ADR 0019): each a name, unique without regard to case, and its members.
 * Every change raises the version by one. A change of members reaches each affected member's cached
 * account ({@link SessionAccounts}) at once on this replica and through a signal on the others,
 * since an agent restricted to their groups sees tickets by them.
 */
public interface Groups {

  /**
   * Adds a group and its members in the command's transaction; false (and nothing written) when a
   * group already has its name in any case.
   */
  Uni<Boolean> add(Stored group);

  /** The group, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(UUID id);

  /**
   * Writes {@code next} over the group of its id, members included, in the command's transaction;
   * false (and nothing written) when another group has its name in any case.
   */
  Uni<Boolean> change(Stored next, Set<UUID> membersBefore);

  /** Deletes the group; its members' cached accounts are dropped. */
  Uni<Void> delete(Stored group);

  /** True when a ticket or a category names the group (it cannot be deleted then). */
  Uni<Boolean> inUse(UUID id);

  /**
   * True when the group exists; in a command, its row is share-locked until the transaction ends,
   * so it cannot be deleted under a ticket that is being put in it.
   */
  Uni<Boolean> exists(UUID id);

  /** The groups {@code user} belongs to, read in the command's transaction. */
  Uni<Set<UUID>> groupsOf(UserId user);

  /** The group as last committed. */
  Uni<Optional<Stored>> find(UUID id);

  /** Every group by name (then id). */
  Uni<List<Stored>> list();

  /** One group as stored; {@code memberIds} in the order of their text. */
  record Stored(UUID id, String name, List<UUID> memberIds, long version, Instant updatedAt) {
    public Stored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      memberIds = List.copyOf(memberIds);
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }
}
