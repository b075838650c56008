package dev.triage.application.live;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which published events one subscriber receives, as the access policy decided: one ticket's or
 * all; only the tickets one customer opened or is a CC of, or every ticket; only the tickets in
 * some groups (an agent restricted to their groups), or in any; internal events or not. The feed
 * applies it where events are read, so a subscriber never holds events it may not see.
 */
public record LiveAudience(
    Optional<UUID> ticketId,
    Optional<UUID> requesterId,
    boolean internal,
    Optional<Set<UUID>> onlyGroups) {

  public LiveAudience {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(requesterId, "requesterId");
    onlyGroups = Objects.requireNonNull(onlyGroups, "onlyGroups").map(Set::copyOf);
  }

  /** An audience that does not look at groups. */
  public LiveAudience(Optional<UUID> ticketId, Optional<UUID> requesterId, boolean internal) {
    this(ticketId, requesterId, internal, Optional.empty());
  }

  /** Whether {@code event} is for this audience. */
  public boolean includes(LiveEvent event) {
    return ticketId.map(event.ticketId()::equals).orElse(true)
        && requesterId
            .map(r -> event.requesterId().equals(r) || event.ccIds().contains(r))
            .orElse(true)
        && onlyGroups.map(g -> event.groupId().filter(g::contains).isPresent()).orElse(true)
        && (internal || !event.internal());
  }
}
