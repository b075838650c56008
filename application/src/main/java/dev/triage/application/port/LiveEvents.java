package dev.triage.application.port;

import dev.triage.application.live.LiveAudience;
import dev.triage.application.live.LiveEvent;
import io.smallrye.mutiny.Multi;
import java.util.OptionalLong;

/** Published ticket events as they happen, on every replica, whoever published them (ADR 0009). */
public interface LiveEvents {

  /**
   * Every event for {@code audience} published from now on, in position order. With {@code after},
   * first the audience's published events after that position (a resumed stream misses nothing and
   * repeats nothing), then the live ones. A stream may end (a subscriber too far behind); the
   * subscriber resumes after the last position it received.
   */
  Multi<LiveEvent> stream(OptionalLong after, LiveAudience audience);
}
