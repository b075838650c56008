package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.CommentItem;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.CommentPage;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.EventItem;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.EventPage;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.SummaryPage;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.SummaryResponse;
import dev.triage.application.ticket.comments.ListComments;
import dev.triage.application.ticket.list.ListTickets;
import dev.triage.application.ticket.overdue.ListOverdue;
import dev.triage.application.ticket.timeline.ListTimeline;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The read side of tickets over HTTP: lists and search, the overdue list, a ticket's comments and
 * its timeline. Parameters arrive as text and go to the bus as they are; the query handlers read
 * them, so every bad one is a problem+json answer (400 unreadable, 422 out of range), never a 500.
 */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description =
        "The token lacks the tickets:read scope, or the caller's role may not see this list")
public class TicketQueryResource {

  static final String PAGE_EXAMPLE =
      """
      {"items":[{"id":"019a7c52-3f1e-7d2a-9b1c-5e8f2a4b6c7d","number":"TCK-2026-000042",
        "title":"Printer on fire","priority":"HIGH","status":"OPEN",
        "requesterId":"019a7c50-0000-7000-8000-000000000001","assigneeId":null,
        "createdAt":"2026-11-22T10:15:30Z","updatedAt":"2026-11-22T10:15:30Z",
        "slaDueAt":"2026-11-22T11:15:30Z","escalationLevel":0,"overdue":false}],
       "nextCursor":"bnwyMDI2LTExLTIyVDEwOjE1OjMwWnwwMTlhN2M1Mi0zZjFlLTdkMmEtOWIxYy01ZThmMmE0YjZjN2Q"}
      """;

  static final String BAD_PARAMETER_EXAMPLE =
      """
      {"type":"urn:triage:problem:malformed-request","title":"The request could not be read",
       "status":400,"detail":"Some parameters could not be read.","instance":"/api/v1/tickets",
       "code":"MALFORMED_REQUEST",
       "errors":{"status":["must be one of OPEN, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED"]}}
      """;

  static final String OUT_OF_RANGE_EXAMPLE =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/tickets",
       "code":"VALIDATION_FAILED","errors":{"limit":["must be 1 to 100"]}}
      """;

  private final Dispatch dispatch;

  public TicketQueryResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "listTickets",
      summary = "List and search tickets",
      description =
          "Customers see only the tickets they opened, whatever the filters. Every filter given"
              + " must match. `q` searches title, description and public comments (English"
              + " stemming, web-search syntax: quoted phrases, `or`, `-word`); without `sort`"
              + " the best matches come first. Pages are keyset pages: follow `nextCursor` (or"
              + " the `Link` header) with the same filters; a page costs the same at any depth."
              + " `field.<key>=<value>` (repeatable across keys) keeps the tickets whose custom"
              + " field holds the value (a MULTI_SELECT field: includes the option; a CHECKBOX:"
              + " true or false). List lines do not carry custom field values.")
  @APIResponse(
      responseCode = "200",
      description = "A page of tickets; `Link: <...>; rel=\"next\"` when more follow",
      content =
          @Content(
              schema = @Schema(implementation = SummaryPage.class),
              examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description =
          "A parameter cannot be read: unknown status, priority or sort, a date that is not"
              + " ISO-8601, an id that is not a UUID, a flag that is not true/false, a bad cursor",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "unknown status", value = BAD_PARAMETER_EXAMPLE)))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(
      responseCode = "422",
      description =
          "limit outside 1..100, createdBefore not after createdAfter, q too long; a"
              + " `field.<key>=<value>` filter naming no field the caller sees, or a value of"
              + " the wrong type (`errors` names `field.<key>`)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "limit too large", value = OUT_OF_RANGE_EXAMPLE)))
  public Uni<Response> list(
      @Parameter(
              description = "Only these statuses (repeat the parameter for several)",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = dev.triage.domain.ticket.Status.class))
          @QueryParam("status")
          List<String> status,
      @Parameter(
              description = "Only this priority",
              schema = @Schema(implementation = dev.triage.domain.ticket.Priority.class))
          @QueryParam("priority")
          String priority,
      @Parameter(description = "`me`, `none` (unassigned) or a user id", example = "me")
          @QueryParam("assignee")
          String assignee,
      @Parameter(
              description = "Only tickets opened by this user id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("requester")
          String requester,
      @Parameter(
              description = "`true`: only tickets whose running SLA clock is past its due date",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("overdue")
          String overdue,
      @Parameter(
              description = "`true`: only tickets escalated at least once",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("escalated")
          String escalated,
      @Parameter(
              description = "Only tickets created at or after this instant",
              example = "2026-11-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("createdAfter")
          String createdAfter,
      @Parameter(
              description = "Only tickets created before this instant",
              example = "2026-12-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("createdBefore")
          String createdBefore,
      @Parameter(
              description = "Full-text query over title, description and public comments",
              example = "printer toner")
          @QueryParam("q")
          String q,
      @Parameter(
              description =
                  "A tag every ticket listed has; repeat the parameter for tickets that have all",
              example = "billing")
          @QueryParam("tag")
          List<String> tag,
      @Parameter(
              description =
                  "`createdAt` (oldest first), `-createdAt` (newest first, the default),"
                      + " `slaDueAt` (next due first, none last), `priority` (most urgent"
                      + " first); with `q` and no sort, best match first",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"createdAt", "-createdAt", "slaDueAt", "priority"}))
          @QueryParam("sort")
          String sort,
      @Parameter(
              description = "Tickets per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(
              description =
                  "`mine` (any group the caller belongs to; none for a caller in no group),"
                      + " `none` (tickets in no group) or a group id",
              example = "mine")
          @QueryParam("group")
          String group,
      @Parameter(
              description =
                  "`me` or a user id: only the tickets that user is a CC of (a customer's list"
                      + " holds the tickets they opened and those they are a CC of)",
              example = "me")
          @QueryParam("cc")
          String cc,
      @Parameter(
              description = "Only tickets that came in by this channel",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"web", "phone", "chat", "email", "api"}))
          @QueryParam("channel")
          String channel,
      @Parameter(
              description =
                  "`true`: only snoozed tickets; `false`: only tickets not snoozed, the default"
                      + " for staff (customers see their tickets whether snoozed or not, and none"
                      + " with `true`)",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("snoozed")
          String snoozed,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    ListTickets query =
        new ListTickets(
            status,
            priority,
            assignee,
            requester,
            overdue,
            escalated,
            createdAfter,
            createdBefore,
            q,
            tag,
            sort,
            limit,
            position(cursor),
            fieldFilters(uri),
            group,
            cc,
            channel,
            snoozed);
    return dispatch.page(
        query,
        http,
        uri,
        (items, next) -> new SummaryPage(items.stream().map(SummaryResponse::of).toList(), next));
  }

  @GET
  @Path("overdue")
  @Operation(
      operationId = "listOverdueTickets",
      summary = "Overdue tickets (staff)",
      description =
          "Tickets whose running SLA clock (first response or resolution) is past its due date,"
              + " the earliest due date first, in keyset pages.")
  @APIResponse(
      responseCode = "200",
      description = "A page of overdue tickets; `Link` when more follow",
      content =
          @Content(
              schema = @Schema(implementation = SummaryPage.class),
              examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "limit is not a number, or the cursor is not one of this list")
  @APIResponse(responseCode = "403", description = "Customers may not see the overdue list")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> overdue(
      @Parameter(
              description = "Tickets per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    return dispatch.page(
        new ListOverdue(limit, position(cursor)),
        http,
        uri,
        (items, next) -> new SummaryPage(items.stream().map(SummaryResponse::of).toList(), next));
  }

  @GET
  @Path("{id}/comments")
  @Operation(
      operationId = "listComments",
      summary = "A ticket's comments, oldest first",
      description =
          "Internal notes are shown to staff only. A redacted comment stays in the list with an"
              + " empty body, `redacted: true`, and who erased it when.")
  @APIResponse(
      responseCode = "200",
      description = "A page of comments; `Link` when more follow",
      content =
          @Content(
              schema = @Schema(implementation = CommentPage.class),
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          """
                          {"items":[{"id":"019a7c53-0000-7000-8000-000000000002",
                            "ticketId":"019a7c52-3f1e-7d2a-9b1c-5e8f2a4b6c7d",
                            "authorId":"019a7c50-0000-7000-8000-000000000003",
                            "body":"We are on it.","internal":false,
                            "createdAt":"2026-11-22T10:20:00Z","redacted":false,
                            "redactedBy":null,"redactedAt":null}],"nextCursor":null}
                          """)))
  @APIResponse(
      responseCode = "400",
      description = "limit is not a number, or the cursor is not one of this list")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> comments(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(
              description = "Comments per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    return dispatch.page(
        new ListComments(id, limit, position(cursor)),
        http,
        uri,
        (items, next) -> new CommentPage(items.stream().map(CommentItem::of).toList(), next));
  }

  /**
   * The custom field filters {@code field.<key>=<value>} (ADR 20), read from the query string as
   * sent (they cannot be declared one by one); a key given twice keeps its first value.
   */
  private static Map<String, String> fieldFilters(UriInfo uri) {
    Map<String, String> filters = new java.util.TreeMap<>();
    uri.getQueryParameters()
        .forEach(
            (name, values) -> {
              if (name.startsWith("field.") && !values.isEmpty()) {
                filters.put(name.substring("field.".length()), values.getFirst());
              }
            });
    return filters;
  }

  @GET
  @Path("{id}/timeline")
  @Operation(
      operationId = "getTicketTimeline",
      summary = "A ticket's events in order",
      description =
          "Every domain event of the ticket as recorded with the change that caused it. Internal"
              + " events (internal notes, escalations, SLA warnings and breaches, redactions of"
              + " internal notes) are shown to staff only.")
  @APIResponse(
      responseCode = "200",
      description = "A page of events; `Link` when more follow",
      content =
          @Content(
              schema = @Schema(implementation = EventPage.class),
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          """
                          {"items":[{"sequence":17,
                            "eventId":"019a7c54-0000-7000-8000-000000000004",
                            "type":"StatusChanged","internal":false,
                            "actorId":"019a7c50-0000-7000-8000-000000000003",
                            "occurredAt":"2026-11-22T10:21:00Z",
                            "data":{"from":"OPEN","to":"IN_PROGRESS"}}],"nextCursor":null}
                          """)))
  @APIResponse(
      responseCode = "400",
      description = "limit is not a number, or the cursor is not one of this list")
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> timeline(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(
              description = "Events per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    return dispatch.page(
        new ListTimeline(id, limit, position(cursor)),
        http,
        uri,
        (items, next) -> new EventPage(items.stream().map(EventItem::of).toList(), next));
  }

  /** The decoded cursor; an undecodable one becomes a position no list accepts (a 400). */
  private static String position(String cursor) {
    if (cursor == null) {
      return null;
    }
    return Cursors.decode(cursor).orElse("");
  }
}
