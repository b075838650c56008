package dev.triage.application.ticket.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of a ticket's timeline as it was recorded in the outbox.
 *
 * @param sequence the outbox position: the order events were recorded in
 * @param type the event's stable name ({@code StatusChanged}, {@code InternalNoteAdded}, ...)
 * @param internal staff only
 * @param data the event's recorded fields as a JSON object (events never carry comment text)
 */
public record TimelineEntry(
    long sequence,
    UUID eventId,
    String type,
    boolean internal,
    UUID actorId,
    Instant occurredAt,
    String data) {

  public TimelineEntry {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
  }
}
