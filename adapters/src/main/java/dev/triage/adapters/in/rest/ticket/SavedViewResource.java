package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.ticket.SavedViewBodies.CountItem;
import dev.triage.adapters.in.rest.ticket.SavedViewBodies.CountList;
import dev.triage.adapters.in.rest.ticket.SavedViewBodies.ViewList;
import dev.triage.adapters.in.rest.ticket.SavedViewBodies.ViewRequest;
import dev.triage.adapters.in.rest.ticket.SavedViewBodies.ViewResponse;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.SummaryPage;
import dev.triage.adapters.in.rest.ticket.TicketQueryBodies.SummaryResponse;
import dev.triage.application.view.ChangeView;
import dev.triage.application.view.CountViews;
import dev.triage.application.view.CreateView;
import dev.triage.application.view.DeleteView;
import dev.triage.application.view.FindView;
import dev.triage.application.view.ListViews;
import dev.triage.application.view.SavedView;
import dev.triage.application.view.ViewTickets;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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
 * {@code /api/v1/views}: saved views of the ticket list (issue 18, point 5). Anyone signed in keeps
 * personal views; admins keep shared views, which all staff see. A view's tickets are the list's
 * page with the view's filters and sort, under the caller's own access; its count is cached for a
 * short time.
 */
@Path("/api/v1/views")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Saved views",
    description =
        "Named filters and orders of the ticket list: personal ones, and shared ones admins keep"
            + " for all staff; each with its tickets and a count to poll")
@SecurityRequirement(name = "bearer")
@Authenticated
public class SavedViewResource {

  private static final String ID = "The view's id";
  private static final String IF_MATCH =
      "The view's ETag as last read: the change applies only to that version (412 otherwise)."
          + " Optional.";
  private static final String ETAG = "The view's version; send it back as If-Match";
  private static final String NOT_VISIBLE =
      "No such view, or one the caller may not see (another's personal view; a shared view to a"
          + " customer)";

  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","name":"Unassigned, high","shared":true,
       "ownerId":null,"filters":{"status":["OPEN"],"assignee":"none","priority":"HIGH"},
       "sort":"slaDueAt","createdBy":"0192f0c4-0000-7000-8000-000000000001","version":1,
       "updatedAt":"2026-12-01T09:00:00Z"}
      """;

  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/views",
       "code":"VALIDATION_FAILED",
       "errors":{
        "filters.status":["must be one of OPEN, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED"],
        "filters.limit":["is not a filter (the order, the page size and the cursor are given apart)"]}}
      """;

  private final Dispatch dispatch;

  public SavedViewResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createView",
      summary = "Save a view of the ticket list",
      description =
          "A personal view, or with shared=true (admins only) one every staff member sees. The"
              + " filters are checked by the list's own reading of its parameters, so a saved"
              + " view always lists; each refused one is named `filters.<parameter>`.")
  @APIResponse(
      responseCode = "201",
      description = "The view at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewResponse.class),
              examples = @ExampleObject(name = "view", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = "shared=true by anyone but an admin")
  @APIResponse(
      responseCode = "409",
      description = "The owner (or the shared views) has a view of that name, ignoring case")
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule; `errors` names each one (`name`, `sort`,"
              + " `filters.<parameter>` for an unknown parameter or a bad value)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> create(ViewRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateView(body.name(), body.shared(), body.filters(), body.sort()),
        http,
        v ->
            Response.created(URI.create("/api/v1/views/" + v.id()))
                .tag(etag(v))
                .entity(ViewResponse.of(v))
                .build());
  }

  @GET
  @Operation(
      operationId = "listViews",
      summary = "The caller's views",
      description = "Shared views first (staff only), then the caller's own, each part by name.")
  @APIResponse(
      responseCode = "200",
      description = "The views, in one page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewList.class)))
  @APIResponse(responseCode = "403", description = "An API token without the tickets:read scope")
  public Uni<Response> list(@Context HttpServerRequest http) {
    return dispatch.ok(
        new ListViews(),
        http,
        views -> new ViewList(views.stream().map(ViewResponse::of).toList(), null));
  }

  @GET
  @Path("counts")
  @Operation(
      operationId = "countViews",
      summary = "How many tickets each of the caller's views holds",
      description =
          "For each view the caller may open, the number of tickets the caller would list in"
              + " it. Made to be polled: a count is kept on each replica for a short time"
              + " (triage.views.count-ttl, 30 s by default; `countedAt` says when it was made),"
              + " shared by every caller whose view comes to the same filters and access, and"
              + " counting stops at a cap (triage.views.count-cap, 10,000 by default; `capped`).")
  @APIResponse(
      responseCode = "200",
      description = "One count per view, in the order of listViews",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CountList.class)))
  @APIResponse(responseCode = "403", description = "An API token without the tickets:read scope")
  public Uni<Response> counts(@Context HttpServerRequest http) {
    return dispatch.ok(
        new CountViews(),
        http,
        counts -> new CountList(counts.stream().map(CountItem::of).toList()));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getView", summary = "Read a view")
  @APIResponse(
      responseCode = "200",
      description = "The view; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewResponse.class),
              examples = @ExampleObject(name = "view", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = "An API token without the tickets:read scope")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindView(id), http, SavedViewResource::withTag);
  }

  @GET
  @Path("{id}/tickets")
  @Operation(
      operationId = "listViewTickets",
      summary = "The tickets of a view, a page at a time",
      description =
          "Exactly the page GET /api/v1/tickets answers with the view's filters and sort, under"
              + " the caller's own access (a shared view never shows a customer more than their"
              + " own tickets; `assignee=me` is the caller). Same body, cursors and Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of tickets; `Link: <...>; rel=\"next\"` when more follow",
      content =
          @Content(
              schema = @Schema(implementation = SummaryPage.class),
              examples = @ExampleObject(name = "page", value = TicketQueryResource.PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "limit is not a number, or the cursor is not one of this view's list")
  @APIResponse(responseCode = "403", description = "An API token without the tickets:read scope")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> tickets(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(
              description = "Tickets per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    String position = cursor == null ? null : Cursors.decode(cursor).orElse("");
    return dispatch.page(
        new ViewTickets(id, limit, position),
        http,
        uri,
        (items, next) -> new SummaryPage(items.stream().map(SummaryResponse::of).toList(), next));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeView",
      summary = "Change some of a view's fields",
      description =
          "The owner changes a personal view, an admin a shared one. Fields left out stay as"
              + " they are; filters given replace all the filters, checked as at creation."
              + " Fields that come out as they were keep the version.")
  @APIResponse(
      responseCode = "200",
      description = "The view as it now is; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewResponse.class),
              examples = @ExampleObject(name = "view", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = "A shared view changed by anyone but an admin")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  @APIResponse(responseCode = "409", description = "Another view of the owner has that name")
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule; `errors` names each one, as at creation")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      ViewRequest body,
      @Context HttpServerRequest http) {
    ViewRequest patch = body == null ? new ViewRequest(null, null, null, null) : body;
    return dispatch.versioned(
        http,
        ifMatch,
        "the view's",
        version ->
            new ChangeView(
                id, version, patch.name(), patch.shared(), patch.filters(), patch.sort()),
        SavedViewResource::withTag);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteView",
      summary = "Delete a view",
      description = "The owner deletes a personal view, an admin a shared one.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "A shared view deleted by anyone but an admin")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  public Uni<Response> delete(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.noContent(new DeleteView(id), http);
  }

  private static Response withTag(SavedView view) {
    return Response.ok(ViewResponse.of(view)).tag(etag(view)).build();
  }

  private static EntityTag etag(SavedView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
