package dev.triage.application.live;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A published ticket event as live subscribers receive it.
 *
 * @param position where it is in the published order: a stream resumes after a position
 * @param eventId stable across deliveries and replicas
 * @param internal staff only
 * @param requesterId who opened the ticket: a customer sees the events of their own tickets
 * @param data the event's fields as a JSON object (as the timeline shows them)
 * @param groupId the ticket's group when the event was passed on, if any: a restricted agent sees
 *     the events of their groups' tickets
 * @param ccIds the ticket's CCs when the event was passed on: a CC sees the public events as the
 *     requester does, and stops seeing them once removed
 */
public record LiveEvent(
    long position,
    UUID eventId,
    String type,
    boolean internal,
    UUID actorId,
    Instant occurredAt,
    UUID ticketId,
    String ticketNumber,
    UUID requesterId,
    String data,
    Optional<UUID> groupId,
    Set<UUID> ccIds) {

  /** An event of a ticket without CCs. */
  public LiveEvent(
      long position,
      UUID eventId,
      String type,
      boolean internal,
      UUID actorId,
      Instant occurredAt,
      UUID ticketId,
      String ticketNumber,
      UUID requesterId,
      String data,
      Optional<UUID> groupId) {
    this(
        position,
        eventId,
        type,
        internal,
        actorId,
        occurredAt,
        ticketId,
        ticketNumber,
        requesterId,
        data,
        groupId,
        Set.of());
  }

  public LiveEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(ticketNumber, "ticketNumber");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(data, "data");
    groupId = groupId == null ? Optional.empty() : groupId;
    ccIds = ccIds == null ? Set.of() : Set.copyOf(ccIds);
  }

  /** An event of a ticket in no group. */
  public LiveEvent(
      long position,
      UUID eventId,
      String type,
      boolean internal,
      UUID actorId,
      Instant occurredAt,
      UUID ticketId,
      String ticketNumber,
      UUID requesterId,
      String data) {
    this(
        position,
        eventId,
        type,
        internal,
        actorId,
        occurredAt,
        ticketId,
        ticketNumber,
        requesterId,
        data,
        Optional.empty());
  }
}
