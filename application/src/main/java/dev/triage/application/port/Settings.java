package dev.triage.application.port;

import dev.triage.domain.settings.RuntimeSettings;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The runtime settings' one stored row (ADR 17), as the settings use cases read and change it. What
 * the other use cases apply comes from {@link CurrentSettings}, which a change here reaches on
 * every replica within the bound ADR 17 states.
 */
public interface Settings {

  /** The row as it is stored now. */
  Uni<Stored> find();

  /** The row, locked until the command's transaction ends (changes queue up behind each other). */
  Uni<Stored> findForUpdate();

  /**
   * Stores {@code next} if the row is still at {@code expectedVersion}, and tells every replica's
   * {@link CurrentSettings} when the transaction commits; false when the version moved.
   */
  Uni<Boolean> update(Stored next, long expectedVersion);

  /**
   * The stored row: the values, their version (1 for the seed, one more per change), when and by
   * whom they last changed ({@code updatedBy} empty for the seed).
   */
  record Stored(RuntimeSettings values, long version, Instant updatedAt, Optional<UUID> updatedBy) {

    public Stored {
      Objects.requireNonNull(values, "values");
      Objects.requireNonNull(updatedAt, "updatedAt");
      Objects.requireNonNull(updatedBy, "updatedBy");
    }
  }
}
