package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.IfMatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.snooze.SnoozeTicket;
import dev.triage.application.ticket.snooze.UnsnoozeTicket;
import dev.triage.domain.shared.ErrorCode;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Snoozing a ticket (ADR 30): staff park it until an instant; it leaves the default staff lists,
 * its SLA clocks keep running, and it wakes when the time comes or the requester replies. Each
 * request answers the ticket with its ETag.
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
public class TicketSnoozeResource {

  private final Bus bus;
  private final Callers callers;

  public TicketSnoozeResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  /** Until when to snooze. */
  @Schema(name = "SnoozeTicket")
  public record SnoozeRequest(
      @Schema(
              required = true,
              format = "date-time",
              description = "An instant after now, at most 365 days ahead",
              examples = "2030-01-31T09:00:00Z")
          String until) {}

  @POST
  @Path("{id}/snooze")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "snoozeTicket",
      summary = "Snooze the ticket until an instant (staff)",
      description =
          "The ticket leaves the default staff lists (`snoozed=false`) until `until`, when the"
              + " sweep wakes it (a TicketWoke event, a notification to its assignee and"
              + " followers), or until the requester or a CC replies, which wakes it at once."
              + " Its SLA clocks keep running. Snoozing a snoozed ticket moves the instant. A"
              + " TicketSnoozed event (staff only).")
  @APIResponse(
      responseCode = "200",
      description = "The ticket with its `snoozedUntil`",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  @APIResponse(
      responseCode = "422",
      description = "`until` missing, no instant, not in the future or more than 365 days ahead")
  public Uni<Response> snooze(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      SnoozeRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    return command(http, ifMatch, v -> new SnoozeTicket(id, v, body.until()));
  }

  @DELETE
  @Path("{id}/snooze")
  @Operation(
      operationId = "unsnoozeTicket",
      summary = "Wake a snoozed ticket now (staff)",
      description =
          "A TicketWoke event (reason UNSNOOZED); a ticket that is not snoozed is answered as it"
              + " is.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket, `snoozedUntil` null",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  public Uni<Response> unsnooze(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      @Context HttpServerRequest http) {
    return command(http, ifMatch, v -> new UnsnoozeTicket(id, v));
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
