package dev.triage.application.fakes;

import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.Settings;
import dev.triage.domain.settings.RuntimeSettings;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;

/**
 * The settings' row in memory, seeded like V15 with today's behaviour at version 1; what it stores
 * is what {@link CurrentSettings} answers at once (one replica, no cache).
 */
public final class InMemorySettings implements Settings, CurrentSettings {

  private Stored stored =
      new Stored(RuntimeSettings.defaults(), 1, TicketFixtures.T0, Optional.empty());
  private int writes;

  @Override
  public Uni<Stored> find() {
    return Uni.createFrom().item(stored);
  }

  @Override
  public Uni<Stored> findForUpdate() {
    return find();
  }

  @Override
  public Uni<Boolean> update(Stored next, long expectedVersion) {
    if (stored.version() != expectedVersion) {
      return Uni.createFrom().item(false);
    }
    stored = next;
    writes++;
    return Uni.createFrom().item(true);
  }

  @Override
  public Uni<RuntimeSettings> get() {
    return Uni.createFrom().item(stored.values());
  }

  public Stored stored() {
    return stored;
  }

  /** How many changes were written. */
  public int writes() {
    return writes;
  }

  /** The row as a change made elsewhere left it. */
  public void changedElsewhere(RuntimeSettings values, Instant at) {
    stored = new Stored(values, stored.version() + 1, at, Optional.empty());
  }
}
