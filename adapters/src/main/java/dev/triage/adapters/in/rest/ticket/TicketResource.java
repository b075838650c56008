package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.application.ticket.find.FindTicket;
import dev.triage.domain.shared.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets: open one, read one. Each request becomes one command or query on the bus. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
public class TicketResource {

  private final Bus bus;
  private final Callers callers;

  public TicketResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  @POST
  @RolesAllowed("tickets:write")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a ticket")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag name the new ticket",
      content = @Content(schema = @Schema(implementation = TicketResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "The body is not JSON, has an unknown field or a wrong type",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule; `errors` names each one",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Uni<Response> create(CreateTicketRequest body, HttpServerRequest http) {
    String instance = http.path();
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", instance));
    }
    CreateTicket command =
        new CreateTicket(
            body.title(), body.description(), body.priority(), body.category(), body.tags());
    return callers
        .of(http)
        .flatMap(context -> bus.send(command, context))
        .map(
            result ->
                Responses.from(
                    result,
                    instance,
                    view ->
                        Response.created(URI.create("/api/v1/tickets/" + view.id()))
                            .tag(etag(view))
                            .entity(TicketResponse.of(view))
                            .build()));
  }

  @GET
  @RolesAllowed("tickets:read")
  @Path("{idOrNumber}")
  @Operation(summary = "Read a ticket by its id or its number")
  @APIResponse(
      responseCode = "200",
      description = "The ticket; ETag carries its version",
      content = @Content(schema = @Schema(implementation = TicketResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such ticket, or not one the caller may see",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Uni<Response> get(@PathParam("idOrNumber") String idOrNumber, HttpServerRequest http) {
    return callers
        .of(http)
        .flatMap(context -> bus.send(new FindTicket(idOrNumber), context))
        .map(
            result ->
                Responses.from(
                    result,
                    http.path(),
                    view -> Response.ok(TicketResponse.of(view)).tag(etag(view)).build()));
  }

  private static EntityTag etag(TicketView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
