package dev.triage.adapters.in.rest.live;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * One ticket's live events, next to the ticket's other addresses; {@link LiveEventResource} opens
 * and writes the stream.
 */
@Path("/api/v1/tickets")
@Tag(name = "Live events")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(responseCode = "403", description = "The token lacks the tickets:read scope")
public class TicketLiveEventResource {

  private final LiveStreams streams;

  public TicketLiveEventResource(LiveStreams streams) {
    this.streams = streams;
  }

  @GET
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      operationId = "streamTicketEvents",
      summary = "Stream one ticket's events",
      description =
          "Server-Sent Events of one ticket, as `GET /api/v1/events` shows them; a ticket the"
              + " caller may not see is answered 404 like a missing one.")
  @APIResponse(
      responseCode = "200",
      description = LiveEventResource.STREAM,
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = LiveEventData.class),
              examples = @ExampleObject(name = "event", value = LiveEventResource.EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Last-Event-ID is not a position")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @Parameter(
      name = "lastEventId",
      in = ParameterIn.QUERY,
      description = "Resume after this position, for clients that cannot send `Last-Event-ID`",
      schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
  public Multi<OutboundSseEvent> ticket(
      @Parameter(description = "The ticket's id or number") @PathParam("id") String id,
      @Parameter(description = "Resume after this position (browsers send it on reconnect)")
          @jakarta.ws.rs.HeaderParam("Last-Event-ID")
          String lastEventId,
      @Context ContainerRequestContext request,
      @Context Sse sse) {
    return streams.events(request, sse);
  }
}
