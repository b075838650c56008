package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.IfMatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.people.AddParticipant;
import dev.triage.application.ticket.people.RemoveParticipant;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.ticket.Participants;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The people of a ticket besides its requester and assignee (ADR 24): CCs, customers who read and
 * reply, and followers, staff who hear of it. Each request is one command on the bus; each answers
 * the ticket with its ETag.
 */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description =
        "The token lacks the tickets:write scope this needs, or the caller's role may not do this")
public class TicketPeopleResource {

  private final Bus bus;
  private final Callers callers;

  public TicketPeopleResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  /** A CC to add: an account, or an e-mail (and a name for a new account). */
  @Schema(name = "AddCc")
  public record CcRequest(
      @Schema(description = "The customer's account; or send email instead") String userId,
      @Schema(
              description =
                  "The customer's e-mail when no userId is sent; an e-mail without an account"
                      + " gets a customer account without a password",
              examples = "ada@example.com")
          String email,
      @Schema(description = "The name of the account made for a new e-mail") String displayName) {}

  /** A follower to add. */
  @Schema(name = "AddFollower")
  public record FollowerRequest(
      @Schema(required = true, description = "An active agent's or admin's account")
          String userId) {}

  @POST
  @Path("{id}/ccs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addTicketCc",
      summary = "Copy a customer on the ticket (staff or the requester)",
      description =
          "A CC reads the ticket, its public comments and public timeline, receives its public"
              + " notifications and live events, and may reply publicly; a CC changes nothing"
              + " else. Adding someone who is a CC already changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket with its `ccIds` (a ParticipantAdded event)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  @APIResponse(
      responseCode = "422",
      description =
          "Neither or both of userId and email, no active customer account, the requester, a"
              + " bad e-mail, a new e-mail without displayName, or 50 CCs already")
  public Uni<Response> addCc(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      CcRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return command(
        http,
        ifMatch,
        v ->
            new AddParticipant(
                id, v, Participants.Kind.CC, body.userId(), body.email(), body.displayName()));
  }

  @DELETE
  @Path("{id}/ccs/{userId}")
  @Operation(
      operationId = "removeTicketCc",
      summary = "Remove a CC (staff, the requester, or the CC themself)",
      description = "The removed customer loses access to the ticket at once.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket without the CC (a ParticipantRemoved event)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or no such CC")
  @APIResponse(responseCode = "422", description = "The userId is no user id")
  public Uni<Response> removeCc(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = "The CC's account", schema = @Schema(type = SchemaType.STRING))
          @PathParam("userId")
          String userId,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      @Context HttpServerRequest http) {
    return command(http, ifMatch, v -> new RemoveParticipant(id, v, Participants.Kind.CC, userId));
  }

  @POST
  @Path("{id}/followers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addTicketFollower",
      summary = "Follow a ticket (staff): hear of it as its assignee does")
  @APIResponse(
      responseCode = "200",
      description = "The ticket with its `followerIds` (a ParticipantAdded event, staff only)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  @APIResponse(
      responseCode = "422",
      description = "No userId, no active agent or admin, or 50 followers already")
  public Uni<Response> addFollower(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      FollowerRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return command(
        http,
        ifMatch,
        v -> new AddParticipant(id, v, Participants.Kind.FOLLOWER, body.userId(), null, null));
  }

  @DELETE
  @Path("{id}/followers/{userId}")
  @Operation(operationId = "removeTicketFollower", summary = "Stop a follower (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The ticket without the follower (a ParticipantRemoved event, staff only)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or no such follower")
  @APIResponse(responseCode = "422", description = "The userId is no user id")
  public Uni<Response> removeFollower(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = "The follower's account", schema = @Schema(type = SchemaType.STRING))
          @PathParam("userId")
          String userId,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      @Context HttpServerRequest http) {
    return command(
        http, ifMatch, v -> new RemoveParticipant(id, v, Participants.Kind.FOLLOWER, userId));
  }

  /** Sends the command built from the parsed If-Match, answering the ticket with its ETag. */
  private Uni<Response> command(
      HttpServerRequest http,
      String ifMatch,
      Function<Optional<Long>, Command<TicketView>> command) {
    Optional<Optional<Long>> version = IfMatch.parse(ifMatch);
    if (version.isEmpty()) {
      return Uni.createFrom()
          .item(
              Problems.of(
                  ErrorCode.VERSION_MISMATCH,
                  "If-Match must be the ticket's ETag (its version), e.g. \"3\".",
                  http.path()));
    }
    Command<TicketView> c = command.apply(version.get());
    return callers
        .of(http)
        .flatMap(
            context ->
                bus.send(c, context)
                    .map(
                        r ->
                            Responses.from(
                                r,
                                http.path(),
                                view ->
                                    Response.ok(TicketResponse.of(view))
                                        .tag(new EntityTag(Long.toString(view.version())))
                                        .build())));
  }

  private static Uni<Response> missingBody(HttpServerRequest http) {
    return Uni.createFrom()
        .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
  }
}
