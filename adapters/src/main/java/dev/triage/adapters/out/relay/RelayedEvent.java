package dev.triage.adapters.out.relay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A committed outbox event as the relay hands it to consumers, with the facts about its ticket that
 * deciding who hears of it needs (as the ticket is when the relay runs).
 *
 * @param outboxId the outbox row, in recording order within a ticket
 * @param eventId the stable id receivers dedupe on
 * @param type the event's stable name ({@code TicketAssigned}, ...)
 * @param internal staff only: customers never hear of it
 * @param actorRole the role the actor acted in ({@code CUSTOMER}, {@code AGENT}, {@code ADMIN})
 * @param data the event's recorded fields as a JSON object (the timeline's {@code data})
 * @param assigneeId the ticket's assignee now, if any
 * @param ccIds the ticket's CCs now
 * @param followerIds the ticket's followers now
 */
public record RelayedEvent(
    long outboxId,
    UUID eventId,
    String type,
    boolean internal,
    UUID actorId,
    String actorRole,
    Instant occurredAt,
    String data,
    UUID ticketId,
    String ticketNumber,
    UUID requesterId,
    Optional<UUID> assigneeId,
    String ticketStatus,
    Set<UUID> ccIds,
    Set<UUID> followerIds) {

  /** An event of a ticket without CCs or followers. */
  public RelayedEvent(
      long outboxId,
      UUID eventId,
      String type,
      boolean internal,
      UUID actorId,
      String actorRole,
      Instant occurredAt,
      String data,
      UUID ticketId,
      String ticketNumber,
      UUID requesterId,
      Optional<UUID> assigneeId,
      String ticketStatus) {
    this(
        outboxId,
        eventId,
        type,
        internal,
        actorId,
        actorRole,
        occurredAt,
        data,
        ticketId,
        ticketNumber,
        requesterId,
        assigneeId,
        ticketStatus,
        Set.of(),
        Set.of());
  }

  public RelayedEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(assigneeId, "assigneeId");
    ccIds = ccIds == null ? Set.of() : Set.copyOf(ccIds);
    followerIds = followerIds == null ? Set.of() : Set.copyOf(followerIds);
  }
}
