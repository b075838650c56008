package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.IfMatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.ticket.link.AddTicketLink;
import dev.triage.application.ticket.link.LinkView;
import dev.triage.application.ticket.link.ListTicketLinks;
import dev.triage.application.ticket.link.RemoveTicketLink;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.ticket.LinkType;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Links between tickets (ADR 25): staff relate two tickets as RELATED, DUPLICATE_OF or CAUSED_BY;
 * each ticket lists its links in its own direction (the other reads DUPLICATED_BY, CAUSES).
 */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description =
        "The token lacks the tickets:read or tickets:write scope this needs, or the caller's role"
            + " may not do this")
public class TicketLinkResource {

  private final Bus bus;
  private final Callers callers;

  public TicketLinkResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  /** A link to make. */
  @Schema(name = "AddTicketLink")
  public record LinkRequest(
      @Schema(required = true, description = "The other ticket's id or number") String ticketId,
      @Schema(
              required = true,
              description = "How this ticket relates to the other",
              enumeration = {"RELATED", "DUPLICATE_OF", "CAUSED_BY"})
          String type) {}

  /** A link as one ticket reads it. */
  @Schema(name = "TicketLink")
  public record LinkResponse(
      UUID id,
      @Schema(description = "How this ticket relates to the other, in this ticket's direction")
          LinkType type,
      UUID ticketId,
      String ticketNumber,
      Instant createdAt) {
    static LinkResponse of(LinkView v) {
      return new LinkResponse(v.id(), v.type(), v.ticketId(), v.ticketNumber(), v.createdAt());
    }
  }

  /** The links of a ticket. */
  @Schema(name = "TicketLinks")
  public record LinksResponse(List<LinkResponse> items) {}

  @POST
  @Path("{id}/links")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addTicketLink",
      summary = "Link this ticket to another (staff)",
      description = "A TicketLinked event (staff only) on this ticket.")
  @APIResponse(
      responseCode = "201",
      description = "The link, as this ticket reads it",
      content = @Content(schema = @Schema(implementation = LinkResponse.class)))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The tickets are linked so already")
  @APIResponse(
      responseCode = "422",
      description =
          "No type or another one (`type`), no other ticket the caller sees or this one"
              + " (`ticketId`)")
  public Uni<Response> add(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      LinkRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    Optional<Optional<Long>> version = IfMatch.parse(ifMatch);
    if (version.isEmpty()) {
      return preconditionFailed(http);
    }
    AddTicketLink command = new AddTicketLink(id, version.get(), body.ticketId(), body.type());
    return callers
        .of(http)
        .flatMap(
            context ->
                bus.send(command, context)
                    .map(
                        r ->
                            Responses.from(
                                r,
                                http.path(),
                                v -> Response.status(201).entity(LinkResponse.of(v)).build())));
  }

  @GET
  @Path("{id}/links")
  @Operation(
      operationId = "listTicketLinks",
      summary = "A ticket's links",
      description = "Only links to tickets the caller can see, oldest first.")
  @APIResponse(
      responseCode = "200",
      description = "The links",
      content = @Content(schema = @Schema(implementation = LinksResponse.class)))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  public Uni<Response> list(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return callers
        .of(http)
        .flatMap(
            context ->
                bus.send(new ListTicketLinks(id), context)
                    .map(
                        r ->
                            Responses.from(
                                r,
                                http.path(),
                                links ->
                                    Response.ok(
                                            new LinksResponse(
                                                links.stream().map(LinkResponse::of).toList()))
                                        .build())));
  }

  @DELETE
  @Path("{id}/links/{linkId}")
  @Operation(
      operationId = "removeTicketLink",
      summary = "Remove a link (staff)",
      description = "A TicketUnlinked event (staff only) on this ticket.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or no such link of it")
  @APIResponse(responseCode = "422", description = "The linkId is no id")
  public Uni<Response> remove(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = "The link's id", schema = @Schema(type = SchemaType.STRING))
          @PathParam("linkId")
          String linkId,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      @Context HttpServerRequest http) {
    Optional<Optional<Long>> version = IfMatch.parse(ifMatch);
    if (version.isEmpty()) {
      return preconditionFailed(http);
    }
    RemoveTicketLink command = new RemoveTicketLink(id, version.get(), linkId);
    return callers
        .of(http)
        .flatMap(
            context ->
                bus.send(command, context)
                    .map(r -> Responses.from(r, http.path(), v -> Response.noContent().build())));
  }

  private static Uni<Response> preconditionFailed(HttpServerRequest http) {
    return Uni.createFrom()
        .item(
            Problems.of(
                ErrorCode.VERSION_MISMATCH,
                "If-Match must be the ticket's ETag (its version), e.g. \"3\".",
                http.path()));
  }
}
