package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.IfMatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.split.SplitComment;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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
 * Splitting a comment into a new ticket (ADR 30): same requester, linked RELATED both ways, the
 * comment kept where it was and marked with the new ticket.
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
public class TicketSplitResource {

  private final Bus bus;
  private final Callers callers;

  public TicketSplitResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  @POST
  @Path("{id}/comments/{commentId}/split")
  @Operation(
      operationId = "splitComment",
      summary = "Turn a comment into a new ticket (staff)",
      description =
          "A new ticket of the same requester (priority, category, tags and group as this one;"
              + " the comment's text as its description; its SLA clocks start now), linked"
              + " RELATED to this one. The comment stays here with `splitIntoId`; a CommentSplit"
              + " event on this ticket (as internal as the comment), TicketCreated on the new one,"
              + " and an audit entry for each. If-Match names this ticket's version.")
  @APIResponse(
      responseCode = "201",
      description = "The new ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or no such comment of it")
  @APIResponse(responseCode = "409", description = "The comment was split already, or is redacted")
  @APIResponse(responseCode = "422", description = "The commentId is no id")
  public Uni<Response> split(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = "The comment's id", schema = @Schema(type = SchemaType.STRING))
          @PathParam("commentId")
          String commentId,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      @Context HttpServerRequest http) {
    return command(http, ifMatch, v -> new SplitComment(id, v, commentId));
  }

  /**
   * Sends the command built from the parsed If-Match, answering the new ticket (201) with its ETag.
   */
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
                                    Response.status(201)
                                        .entity(TicketResponse.of(view))
                                        .tag(new EntityTag(Long.toString(view.version())))
                                        .build())));
  }
}
