package dev.triage.application.port;

import dev.triage.domain.settings.RuntimeSettings;
import io.smallrye.mutiny.Uni;

/**
 * The runtime settings this replica applies now: the default priority and the priorities customers
 * may choose at creation, whether requesters may accept a resolution, the sweeps' ages. An
 * implementation may answer from memory, as long as a change is seen on every replica within the
 * bound ADR 17 states (5 s by default, at once when the change's signal arrives).
 */
@FunctionalInterface
public interface CurrentSettings {

  /** The settings as they stand now, within the stated bound. */
  Uni<RuntimeSettings> get();

  /** Settings that never change (tests, tools). */
  static CurrentSettings fixed(RuntimeSettings settings) {
    return () -> Uni.createFrom().item(settings);
  }
}
