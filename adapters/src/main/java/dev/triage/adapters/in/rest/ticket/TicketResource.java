package dev.triage.adapters.in.rest.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.IfMatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.adapters.in.rest.ratelimit.RateLimitResponses;
import dev.triage.adapters.in.rest.ticket.TicketBodies.AssignRequest;
import dev.triage.adapters.in.rest.ticket.TicketBodies.CommentRequest;
import dev.triage.adapters.in.rest.ticket.TicketBodies.CommentResponse;
import dev.triage.adapters.in.rest.ticket.TicketBodies.EditRequest;
import dev.triage.adapters.in.rest.ticket.TicketBodies.LocksRequest;
import dev.triage.adapters.in.rest.ticket.TicketBodies.ReasonRequest;
import dev.triage.adapters.in.rest.ticket.TicketBodies.StatusRequest;
import dev.triage.adapters.in.rest.ticket.TicketBodies.TagsRequest;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.AddComment;
import dev.triage.application.ticket.change.AddTags;
import dev.triage.application.ticket.change.AssignTicket;
import dev.triage.application.ticket.change.ChangeStatus;
import dev.triage.application.ticket.change.CloseTicket;
import dev.triage.application.ticket.change.EditTicket;
import dev.triage.application.ticket.change.EscalateTicket;
import dev.triage.application.ticket.change.LockFields;
import dev.triage.application.ticket.change.RedactComment;
import dev.triage.application.ticket.change.RemoveTag;
import dev.triage.application.ticket.change.ReopenTicket;
import dev.triage.application.ticket.change.UnassignTicket;
import dev.triage.application.ticket.change.UnlockField;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.application.ticket.find.ExplainSla;
import dev.triage.application.ticket.find.FindTicket;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets: open one, read one. Each request becomes one command or query on the bus. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description =
        "The token lacks the tickets:read or tickets:write scope this needs, or the caller's role may not do this")
public class TicketResource {

  public static final String ID = "The ticket's id or its number";
  static final String IF_MATCH =
      "The ticket's ETag as last read: the command runs only on that version (412 otherwise)."
          + " Optional: without it the command runs on the current version.";

  private final Bus bus;
  private final Callers callers;
  private final ObjectMapper json;

  public TicketResource(Bus bus, Callers callers, ObjectMapper json) {
    this.bus = bus;
    this.callers = callers;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createTicket", summary = "Open a ticket")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag name the new ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule; `errors` names each one (`priority` when a customer names one"
              + " the runtime settings do not allow them)")
  public Uni<Response> create(CreateTicketRequest body, @Context HttpServerRequest http) {
    String instance = http.path();
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", instance));
    }
    CreateTicket command =
        new CreateTicket(
            body.title(),
            body.description(),
            body.priority(),
            body.category(),
            body.tags(),
            body.fields(),
            body.groupId(),
            body.requesterId(),
            body.requester() == null
                ? null
                : new CreateTicket.NewRequester(
                    body.requester().email(), body.requester().displayName()),
            body.channel(),
            body.attachments());
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
  @Path("{id}")
  @Operation(operationId = "getTicket", summary = "Read a ticket by its id or its number")
  @APIResponse(
      responseCode = "200",
      description = "The ticket; ETag carries its version",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  public Uni<Response> get(
      @Parameter(description = "The ticket's id or its number", example = "TCK-2026-000042")
          @PathParam("id")
          String idOrNumber,
      @Context HttpServerRequest http) {
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

  @GET
  @Path("{id}/sla")
  @Operation(operationId = "explainSla", summary = "Why the ticket's deadlines are what they are")
  @APIResponseSchema(
      value = SlaExplanationResponse.class,
      responseCode = "200",
      responseDescription = "Each clock's due date with the business periods and pauses behind it")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  public Uni<Response> sla(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return callers
        .of(http)
        .flatMap(context -> bus.send(new ExplainSla(id), context))
        .map(
            r ->
                Responses.from(
                    r, http.path(), e -> Response.ok(SlaExplanationResponse.of(e)).build()));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "editTicket",
      summary =
          "Edit title, description (requester while OPEN; staff), category, tags, priority (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The edited ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "A field the caller may not change")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  @APIResponse(responseCode = "422", description = "A field breaks a rule; `errors` names each")
  public Uni<Response> edit(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      EditRequest body,
      @Context HttpServerRequest http) {
    EditRequest b =
        body == null ? new EditRequest(null, null, null, null, null, null, null, null) : body;
    return ticketCommand(
        http,
        ifMatch,
        v ->
            new EditTicket(
                id,
                v,
                b.title(),
                b.description(),
                b.category(),
                b.tags(),
                b.priority(),
                b.fields(),
                groupId(b.groupId()),
                b.assigneeId()));
  }

  /**
   * The group an edit names: null when the field is left out, empty for JSON null (out of any
   * group), else its text (a value of another JSON type is kept as text, and refused as no id).
   */
  private static Optional<String> groupId(com.fasterxml.jackson.databind.JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return null;
    }
    if (value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(value.isTextual() ? value.asText() : value.toString());
  }

  @POST
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "changeStatus", summary = "Move the ticket to another status")
  @APIResponse(
      responseCode = "200",
      description = "The ticket in its new status",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "400", description = "No body, not JSON, or an unknown status")
  @APIResponse(responseCode = "403", description = "The caller may not move this ticket")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(
      responseCode = "409",
      description = "Not a move the lifecycle allows for the caller; names the allowed ones")
  @APIResponse(responseCode = "422", description = "The reason is too long")
  public Uni<Response> status(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      StatusRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return ticketCommand(http, ifMatch, v -> new ChangeStatus(id, v, body.status(), body.reason()));
  }

  @PUT
  @Path("{id}/assignee")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "assignTicket",
      summary = "Assign the ticket (admins: anyone active on staff; agents: themselves)")
  @APIResponse(
      responseCode = "200",
      description = "The assigned ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "The caller may not assign this way")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "422", description = "The assignee is not an active staff member")
  public Uni<Response> assign(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      AssignRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return ticketCommand(http, ifMatch, v -> new AssignTicket(id, v, body.assigneeId()));
  }

  @DELETE
  @Path("{id}/assignee")
  @Operation(
      operationId = "unassignTicket",
      summary = "Unassign the ticket (admins; agents their own)")
  @APIResponse(
      responseCode = "200",
      description = "The unassigned ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "The caller may not unassign this ticket")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  public Uni<Response> unassign(
      @Parameter(description = ID) @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return ticketCommand(http, ifMatch, v -> new UnassignTicket(id, v));
  }

  @POST
  @Path("{id}/tags")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addTicketTags",
      summary = "Add tags (staff); tags the ticket has already change nothing")
  @APIResponse(
      responseCode = "200",
      description = "The ticket with its tags; one TagAdded event per new tag",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "Customers may not tag")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  @APIResponse(
      responseCode = "422",
      description = "No tag, a blank or too long tag, or more than 20 on the ticket (`tags`)")
  public Uni<Response> addTags(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      TagsRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return ticketCommand(http, ifMatch, v -> new AddTags(id, v, body.tags()));
  }

  @DELETE
  @Path("{id}/tags/{tag}")
  @Operation(operationId = "removeTicketTag", summary = "Remove one tag (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The ticket without the tag (a TagRemoved event)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "Customers may not untag")
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or it has no such tag")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  public Uni<Response> removeTag(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = "The tag, as the ticket shows it") @PathParam("tag") String tag,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return ticketCommand(http, ifMatch, v -> new RemoveTag(id, v, tag));
  }

  @POST
  @Path("{id}/locks")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "lockTicketFields",
      summary = "Lock fields against change (admins)",
      description =
          "While a field is locked, any command that would change it (an edit, an assignment, an"
              + " escalation) is refused with 409 and code FIELD_LOCKED, whoever sends it; the"
              + " automatic escalation raises the level but keeps a locked priority.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket with its `locks` (a FieldsLocked event, staff only)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  @APIResponse(
      responseCode = "422",
      description = "No field, or one that cannot be locked (`fields`, `fields[0]`)")
  public Uni<Response> lock(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      LocksRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return ticketCommand(http, ifMatch, v -> new LockFields(id, v, body.fields()));
  }

  @DELETE
  @Path("{id}/locks/{field}")
  @Operation(operationId = "unlockTicketField", summary = "Unlock one field (admins)")
  @APIResponse(
      responseCode = "200",
      description = "The ticket without that lock (a FieldUnlocked event, staff only)",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or the field is not locked")
  @APIResponse(responseCode = "409", description = "The ticket is CLOSED")
  public Uni<Response> unlock(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = "priority, category, groupId or assigneeId") @PathParam("field")
          String field,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return ticketCommand(http, ifMatch, v -> new UnlockField(id, v, field));
  }

  @POST
  @Path("{id}/escalation")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "escalateTicket",
      summary = "Escalate: priority up one level, due dates recomputed from creation (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The escalated ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "Customers may not escalate")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "Already CRITICAL")
  @APIResponse(responseCode = "422", description = "The reason is too long")
  public Uni<Response> escalate(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = false,
              description = "Optional; a bare POST works too",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReasonRequest.class)))
          String body,
      @Context HttpServerRequest http) {
    String reason = reason(body);
    return ticketCommand(http, ifMatch, v -> new EscalateTicket(id, v, reason));
  }

  @POST
  @Path("{id}/close")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "closeTicket",
      summary =
          "Close (admins from RESOLVED; the requester accepts a resolution, when the runtime"
              + " settings allow it)")
  @APIResponse(
      responseCode = "200",
      description = "The closed ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "The caller may not close this ticket")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "Not a move the lifecycle allows for the caller")
  @APIResponse(responseCode = "422", description = "The reason is too long")
  public Uni<Response> close(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = false,
              description = "Optional; a bare POST works too",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReasonRequest.class)))
          String body,
      @Context HttpServerRequest http) {
    String reason = reason(body);
    return ticketCommand(http, ifMatch, v -> new CloseTicket(id, v, reason));
  }

  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "reopenTicket",
      summary = "Reopen a RESOLVED ticket (the requester or staff)")
  @APIResponse(
      responseCode = "200",
      description = "The reopened ticket",
      headers = @Header(ref = "ETag"),
      content =
          @Content(
              schema = @Schema(implementation = TicketResponse.class),
              examples = @ExampleObject(ref = "ticket")))
  @APIResponse(responseCode = "403", description = "The caller may not reopen this ticket")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "Not a move the lifecycle allows for the caller")
  @APIResponse(responseCode = "422", description = "The reason is too long")
  public Uni<Response> reopen(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = false,
              description = "Optional; a bare POST works too",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReasonRequest.class)))
          String body,
      @Context HttpServerRequest http) {
    String reason = reason(body);
    return ticketCommand(http, ifMatch, v -> new ReopenTicket(id, v, reason));
  }

  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "addComment", summary = "Reply publicly or add an internal note (staff)")
  @APIResponseSchema(
      value = CommentResponse.class,
      responseCode = "201",
      responseDescription =
          "The comment; for a reply to a CLOSED ticket, followUpTicket is the new ticket")
  @APIResponse(responseCode = "403", description = "Customers may not write internal notes")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "422", description = "The body is empty or too long")
  public Uni<Response> comment(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      CommentRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return command(
        http,
        ifMatch,
        v ->
            new AddComment(
                id, v, body.body(), Boolean.TRUE.equals(body.internal()), body.attachments()),
        result ->
            result.comment().isPresent()
                ? Response.status(201).entity(CommentResponse.of(result.comment().get())).build()
                : Response.created(
                        URI.create("/api/v1/tickets/" + result.followUpTicket().get().id()))
                    .entity(
                        CommentResponse.followUp(TicketResponse.of(result.followUpTicket().get())))
                    .build());
  }

  @DELETE
  @Path("{id}/comments/{commentId}")
  @Operation(
      operationId = "redactComment",
      summary = "Redact a comment: its text is erased, the fact and who did it remain")
  @APIResponseSchema(
      value = CommentResponse.class,
      responseCode = "200",
      responseDescription = "The redacted comment: an empty body, who erased it and when")
  @APIResponse(responseCode = "403", description = "Only admins and the comment's author redact")
  @APIResponse(
      responseCode = "404",
      description = "No such ticket or comment, or not one the caller may see")
  public Uni<Response> redact(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = "The comment's id") @PathParam("commentId") String commentId,
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return command(
        http,
        ifMatch,
        v -> new RedactComment(id, v, commentId),
        c -> Response.ok(CommentResponse.of(c)).build());
  }

  /** Sends a ticket command built from the parsed If-Match, answering the ticket with its ETag. */
  private Uni<Response> ticketCommand(
      HttpServerRequest http,
      String ifMatch,
      Function<Optional<Long>, Command<TicketView>> command) {
    return command(
        http,
        ifMatch,
        command,
        view -> Response.ok(TicketResponse.of(view)).tag(etag(view)).build());
  }

  /**
   * Sends the command built from the parsed If-Match (412 when it can name no version) and maps its
   * success with {@code ok}; refusals go through the shared problem mapping.
   */
  private <R> Uni<Response> command(
      HttpServerRequest http,
      String ifMatch,
      Function<Optional<Long>, Command<R>> command,
      Function<R, Response> ok) {
    Optional<Optional<Long>> version = IfMatch.parse(ifMatch);
    if (version.isEmpty()) {
      return preconditionFailed(http);
    }
    Command<R> c = command.apply(version.get());
    return callers
        .of(http)
        .flatMap(
            context ->
                bus.send(c, context)
                    .map(r -> rateLimited(context, Responses.from(r, http.path(), ok), http)));
  }

  /**
   * The answer, with the rate limit the handler counted the request against (a reply that opens a
   * follow-up counts as a new ticket): its fields on the answer, or its 429 when it refused.
   */
  private static Response rateLimited(
      RequestContext context, Response response, HttpServerRequest http) {
    return context
        .effects()
        .rateDecision()
        .map(
            decision -> {
              if (!decision.allowed()) {
                return RateLimitResponses.tooMany(decision, http.path());
              }
              return Response.fromResponse(response)
                  .header(RateLimitResponses.POLICY, RateLimitResponses.policy(decision))
                  .header(RateLimitResponses.RATE_LIMIT, RateLimitResponses.rateLimit(decision))
                  .build();
            })
        .orElse(response);
  }

  /**
   * The optional {@code {"reason": ...}} body of escalate, close and reopen, read whatever the
   * content type, so a bare {@code POST} works too. Malformed JSON is still a 400.
   */
  private String reason(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      ReasonRequest request = json.readValue(body, ReasonRequest.class);
      return request == null ? null : request.reason();
    } catch (JsonProcessingException e) {
      throw new BadRequestException(e);
    }
  }

  private static Uni<Response> missingBody(HttpServerRequest http) {
    return Uni.createFrom()
        .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
  }

  private static Uni<Response> preconditionFailed(HttpServerRequest http) {
    return Uni.createFrom()
        .item(
            Problems.of(
                ErrorCode.VERSION_MISMATCH,
                "If-Match must be the ticket's ETag (its version), e.g. \"3\".",
                http.path()));
  }

  private static EntityTag etag(TicketView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
