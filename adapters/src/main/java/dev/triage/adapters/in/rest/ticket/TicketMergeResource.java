package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.IfMatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.merge.MergeTicket;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Merging a ticket into another (ADR 30): the source's conversation, CCs and followers go to the
 * target, and the source is closed with a MERGED_INTO link and a public note saying where it went.
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
public class TicketMergeResource {

  private final Bus bus;
  private final Callers callers;

  public TicketMergeResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  /** The ticket to merge into. */
  @Schema(name = "MergeTicket")
  public record MergeRequest(
      @Schema(required = true, description = "The target ticket's id or number") String targetId) {}

  @POST
  @Path("{id}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "mergeTicket",
      summary = "Merge this ticket into another (staff)",
      description =
          "This ticket's comments are copied into the target's conversation (each with its"
              + " author, time and visibility), its requester (as a CC), CCs and followers join"
              + " the target, and this ticket is CLOSED with `mergedIntoId`, a MERGED_INTO link"
              + " and a public note naming the target. Events: TicketMerged on this ticket,"
              + " TicketMergedFrom on the target; both requesters are notified (MERGED). Each"
              + " ticket gets an audit entry. If-Match names this ticket's version.")
  @APIResponse(
      responseCode = "200",
      description = "This ticket, merged: CLOSED, with `mergedIntoId`",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(
      responseCode = "409",
      description =
          "Into itself, into a CLOSED ticket, from a CLOSED ticket, or either ticket merged"
              + " already")
  @APIResponse(
      responseCode = "422",
      description = "No targetId, or none naming a ticket the caller can see")
  public Uni<Response> merge(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      MergeRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    return command(http, ifMatch, v -> new MergeTicket(id, v, body.targetId()));
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
}
