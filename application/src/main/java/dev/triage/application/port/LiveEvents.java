package dev.triage.application.port;

import dev.triage.application.live.LiveEvent;
import io.smallrye.mutiny.Multi;
import java.util.OptionalLong;

/** Published ticket events as they happen, on every replica, whoever published them (ADR 0009). */
public interface LiveEvents {

  /**
   * Every event published from now on, in position order, never completing. With {@code after},
   * first every published event after that position (a resumed stream misses nothing and repeats
   * nothing), then the live ones.
   */
  Multi<LiveEvent> stream(OptionalLong after);
}
