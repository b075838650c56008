package dev.triage.adapters.in.rest.live;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live ticket events as Server-Sent Events: every event the caller may see (one ticket's are at
 * {@link TicketLiveEventResource}). Each event's SSE {@code id} is its position; a client that
 * reconnects with {@code Last-Event-ID} gets everything it missed first.
 */
@Path("/api/v1/events")
@Tag(name = "Live events")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(responseCode = "403", description = "The token lacks the tickets:read scope")
public class LiveEventResource {

  static final String EXAMPLE =
      """
      id: 1042
      event: TicketAssigned
      data: {"id":"0b5f8a8e-3c4d-4e59-9a51-8f2b7d1c6e90","type":"TicketAssigned",\
      "occurredAt":"2026-11-23T09:14:02.118Z","position":1042,"internal":false,\
      "actorId":"019a7c50-0000-7000-8000-000000000002",\
      "ticket":{"id":"019a7c52-3f1e-7d2a-9b1c-5e8f2a4b6c7d","number":"TCK-2026-000042"},\
      "data":{"assigneeId":{"value":"019a7c50-0000-7000-8000-000000000002"},"previous":null}}
      """;

  /** The 200 answer of both stream addresses: what each SSE field of an event carries. */
  static final String STREAM =
      "An endless event stream. Each event's `event:` is the event type (e.g. TicketAssigned),"
          + " its `id:` the event's position (send it back as `Last-Event-ID` to resume after"
          + " it), its `data:` one LiveEvent as JSON (the schema below). Comment lines"
          + " (`: keep-alive`) keep the connection open. One connection lasts at most"
          + " triage.live.max-duration (5 minutes by default): reconnect with `Last-Event-ID`.";

  private final LiveStreams streams;

  public LiveEventResource(LiveStreams streams) {
    this.streams = streams;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      operationId = "streamEvents",
      summary = "Stream every event the caller may see",
      description =
          "Server-Sent Events: staff get every ticket event, a customer the public events of"
              + " their own tickets. `id` is the event's position: reconnect with `Last-Event-ID`"
              + " (or `?lastEventId=`) to receive what was missed first. Events from every"
              + " replica arrive here. Lines starting with `:` keep the connection open.")
  @APIResponse(
      responseCode = "200",
      description = STREAM,
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = LiveEventData.class),
              examples = @ExampleObject(name = "event", value = EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Last-Event-ID is not a position")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @Parameter(
      name = "lastEventId",
      in = ParameterIn.QUERY,
      description = "Resume after this position, for clients that cannot send `Last-Event-ID`",
      schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
  public Multi<OutboundSseEvent> all(
      @Parameter(description = "Resume after this position (browsers send it on reconnect)")
          @jakarta.ws.rs.HeaderParam("Last-Event-ID")
          String lastEventId,
      @Context ContainerRequestContext request,
      @Context Sse sse) {
    return streams.events(request, sse);
  }
}
