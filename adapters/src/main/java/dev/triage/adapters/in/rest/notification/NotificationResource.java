package dev.triage.adapters.in.rest.notification;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.notification.NotificationBodies.MarkedRead;
import dev.triage.adapters.in.rest.notification.NotificationBodies.NotificationItem;
import dev.triage.adapters.in.rest.notification.NotificationBodies.NotificationPage;
import dev.triage.adapters.in.rest.notification.NotificationBodies.UnreadCount;
import dev.triage.application.bus.Command;
import dev.triage.application.notification.CountUnreadNotifications;
import dev.triage.application.notification.ListNotifications;
import dev.triage.application.notification.MarkAllNotificationsRead;
import dev.triage.application.notification.MarkNotificationRead;
import dev.triage.application.notification.MarkNotificationUnread;
import dev.triage.application.notification.NotificationView;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own in-app inbox: events that concern them (assigned to them, unassigned, status and
 * replies on tickets they opened or are assigned, internal notes, escalations and SLA alarms for
 * the assignee), newest first, with read marks. Any signed-in caller; only their own inbox, so
 * someone else's notification id is a 404 like a missing one.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
@Authenticated
public class NotificationResource {

  static final String ITEM_EXAMPLE =
      """
      {"id":"019a7c60-0000-7000-8000-00000000000a","kind":"REPLY","eventType":"CommentAdded",
       "eventId":"019a7c54-0000-7000-8000-000000000004",
       "ticket":{"id":"019a7c52-3f1e-7d2a-9b1c-5e8f2a4b6c7d","number":"TCK-2026-000042"},
       "actorId":"019a7c50-0000-7000-8000-000000000003","occurredAt":"2026-11-22T10:21:00Z",
       "read":false,"readAt":null}
      """;

  static final String PAGE_EXAMPLE =
      """
      {"items":[{"id":"019a7c60-0000-7000-8000-00000000000a","kind":"ASSIGNED_TO_YOU",
        "eventType":"TicketAssigned","eventId":"019a7c54-0000-7000-8000-000000000004",
        "ticket":{"id":"019a7c52-3f1e-7d2a-9b1c-5e8f2a4b6c7d","number":"TCK-2026-000042"},
        "actorId":"019a7c50-0000-7000-8000-000000000005","occurredAt":"2026-11-22T10:21:00Z",
        "read":false,"readAt":null}],
       "nextCursor":"bnwyMDI2LTExLTIyVDEwOjIxOjAwWnwwMTlhN2M2MC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMGE"}
      """;

  static final String NOT_FOUND_EXAMPLE =
      """
      {"type":"urn:triage:problem:not-found","title":"Not found","status":404,
       "detail":"No notification 019a7c60-0000-7000-8000-00000000000a in your inbox.",
       "instance":"/api/v1/notifications/019a7c60-0000-7000-8000-00000000000a/read",
       "code":"NOT_FOUND"}
      """;

  private final Dispatch dispatch;

  public NotificationResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "listNotifications",
      summary = "My notifications, newest first",
      description =
          "Events that concern the caller. kind says why: ASSIGNED_TO_YOU, UNASSIGNED (the"
              + " ticket went to someone else or no one), STATUS_CHANGED and REPLY (tickets the"
              + " caller opened or is assigned), INTERNAL_NOTE, ESCALATED, SLA_WARNING,"
              + " SLA_BREACHED and WOKE (tickets the caller is assigned; staff only). Nobody hears of"
              + " their own acts, and customers never hear of internal events. With"
              + " `unread=true` only unread ones. Keyset pages: follow `nextCursor` (or the"
              + " `Link` header) with the same parameters. Notifications arrive once the event"
              + " is published, normally within milliseconds of the change.")
  @APIResponse(
      responseCode = "200",
      description = "A page of notifications; `Link: <...>; rel=\"next\"` when more follow",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NotificationPage.class),
              examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description =
          "unread is not true/false, limit is not a number, or the cursor is not one of"
              + " this list")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> list(
      @Parameter(
              description = "Only unread notifications",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("unread")
          String unread,
      @Parameter(
              description = "Notifications per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    String position = cursor == null ? null : Cursors.decode(cursor).orElse("");
    return dispatch.page(
        new ListNotifications(unread, limit, position),
        http,
        uri,
        (items, next) ->
            new NotificationPage(items.stream().map(NotificationItem::of).toList(), next));
  }

  @GET
  @Path("unread-count")
  @Operation(
      operationId = "countUnreadNotifications",
      summary = "How many of my notifications are unread",
      description = "The number the unread list would show, for a badge.")
  @APIResponse(
      responseCode = "200",
      description = "The unread count",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnreadCount.class),
              examples = @ExampleObject(name = "count", value = "{\"unread\":3}")))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  public Uni<Response> unreadCount(@Context HttpServerRequest http) {
    return dispatch.ok(new CountUnreadNotifications(), http, n -> new UnreadCount(n));
  }

  @POST
  @Path("{id}/read")
  @Operation(
      operationId = "markNotificationRead",
      summary = "Mark one of my notifications read",
      description = "Marking a read notification again keeps the time it was first read.")
  @APIResponse(
      responseCode = "200",
      description = "The notification, read",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NotificationItem.class),
              examples = @ExampleObject(name = "notification", value = ITEM_EXAMPLE)))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(
      responseCode = "404",
      description = "No such notification in the caller's inbox (someone else's is missing too)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "not yours", value = NOT_FOUND_EXAMPLE)))
  public Uni<Response> read(
      @Parameter(description = "The notification's id") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return mark(new MarkNotificationRead(id), http);
  }

  @POST
  @Path("{id}/unread")
  @Operation(
      operationId = "markNotificationUnread",
      summary = "Mark one of my notifications unread")
  @APIResponseSchema(
      value = NotificationItem.class,
      responseCode = "200",
      responseDescription = "The notification, unread")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(
      responseCode = "404",
      description = "No such notification in the caller's inbox (someone else's is missing too)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "not yours", value = NOT_FOUND_EXAMPLE)))
  public Uni<Response> unread(
      @Parameter(description = "The notification's id") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return mark(new MarkNotificationUnread(id), http);
  }

  @POST
  @Path("read-all")
  @Operation(operationId = "markAllNotificationsRead", summary = "Mark all my notifications read")
  @APIResponse(
      responseCode = "200",
      description = "How many were unread and are now read",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MarkedRead.class),
              examples = @ExampleObject(name = "marked", value = "{\"marked\":3}")))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  public Uni<Response> readAll(@Context HttpServerRequest http) {
    return dispatch.ok(new MarkAllNotificationsRead(), http, n -> new MarkedRead(n));
  }

  private Uni<Response> mark(Command<NotificationView> command, HttpServerRequest http) {
    return dispatch.ok(command, http, n -> NotificationItem.of(n));
  }
}
