package dev.triage.application.live;

import dev.triage.application.bus.Query;
import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * What happens to the tickets I may see, as it happens: all of them, or one ({@code ticket}, by id
 * or number), resuming after the position {@code resume} names when given (the {@code
 * Last-Event-ID} as the client sent it; the handler reads it, after the caller's access).
 */
public record WatchEvents(Optional<@Size(max = 64) String> ticket, Optional<String> resume)
    implements Query<Multi<LiveEvent>> {}
