package dev.triage.application.live;

import dev.triage.application.bus.Query;
import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happens to the tickets I may see, as it happens: all of them, or one ({@code ticket}, by id
 * or number), resuming after position {@code after} when given.
 */
public record WatchEvents(
    Optional<@Size(max = 64) String> ticket, Optional<@PositiveOrZero Long> after)
    implements Query<Multi<LiveEvent>> {

  public OptionalLong resumeAfter() {
    return after.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }
}
