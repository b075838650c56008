package dev.triage.adapters.in.rest.live;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documentation only: the JSON of one live event's SSE {@code data} line, as {@link LiveStreams}
 * writes it (field for field). Never built or serialized; it gives the OpenAPI document a schema
 * for the stream endpoints.
 */
@Schema(
    name = "LiveEvent",
    description =
        "The `data` of one Server-Sent Event: a published ticket event. The SSE `event:` name is"
            + " its `type`, the SSE `id:` its `position`.")
record LiveEventData(
    @Schema(
            required = true,
            description = "The event's id, stable across deliveries and replicas",
            examples = "0b5f8a8e-3c4d-4e59-9a51-8f2b7d1c6e90")
        UUID id,
    @Schema(
            required = true,
            description = "The event type, also the SSE `event:` name",
            examples = "TicketAssigned")
        String type,
    @Schema(
            required = true,
            description = "When it happened (UTC)",
            examples = "2026-11-23T09:14:02.118Z")
        Instant occurredAt,
    @Schema(
            required = true,
            description =
                "Its place in the published order, also the SSE `id:`; send it back as"
                    + " `Last-Event-ID` to resume after it",
            examples = "1042")
        long position,
    @Schema(required = true, description = "Staff only (customers never receive these)")
        boolean internal,
    @Schema(
            required = true,
            description = "Who caused it; the nil UUID for the service's own jobs",
            examples = "019a7c50-0000-7000-8000-000000000002")
        UUID actorId,
    @Schema(required = true, description = "The ticket the event happened to") Ticket ticket,
    @Schema(
            required = true,
            type = SchemaType.OBJECT,
            description =
                "The event's own fields as a JSON object, as the ticket's timeline shows them;"
                    + " which fields depends on `type`")
        Object data) {

  /** The ticket of a live event. */
  @Schema(name = "LiveEventTicket", description = "The ticket the event happened to.")
  record Ticket(
      @Schema(required = true) UUID id,
      @Schema(required = true, examples = "TCK-2026-000042") String number) {}
}
