package dev.triage.adapters.in.rest.macro;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.macro.ChangeMacro;
import dev.triage.application.macro.CreateMacro;
import dev.triage.application.macro.DeleteMacro;
import dev.triage.application.macro.FindMacro;
import dev.triage.application.macro.ListMacros;
import dev.triage.application.macro.Macro;
import dev.triage.application.macro.MacroAction;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
 * {@code /api/v1/macros}: named sets of ticket actions staff keep (issue 19, point 3), personal
 * ones and shared ones admins keep; applied to a ticket by {@code POST
 * /api/v1/tickets/{id}/macros/{macroId}}.
 */
@Path("/api/v1/macros")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Macros",
    description =
        "Named sets of ticket actions (status, priority, assignee, group, category, addTags,"
            + " removeTags, field, reply, note) applied to a ticket as one command; staff only")
@SecurityRequirement(name = "bearer")
@Authenticated
public class MacroResource {

  private static final String ID = "The macro's id";
  private static final String ETAG = "The macro's version; send it back as If-Match";
  private static final String NOT_VISIBLE = "No such macro, or another's personal one";
  private static final String STAFF_ONLY = "Customers, or a token without the scope needed";
  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","title":"Resolve: printer reset",
       "shared":true,"actions":[{"type":"status","value":"RESOLVED"},
       {"type":"assignee","value":"me"},{"type":"addTags","value":["printer"]},
       {"type":"reply","value":"Hello {{requester.displayName}}, {{ticket.number}} is fixed."}],
       "ownerId":null,"createdBy":"0192f0c4-0000-7000-8000-000000000001","version":1,
       "updatedAt":"2026-12-01T09:00:00Z"}
      """;
  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/macros",
       "code":"VALIDATION_FAILED",
       "errors":{"actions[0].value":["must be one of OPEN, IN_PROGRESS, PENDING_CUSTOMER,
       RESOLVED, CLOSED"]}}
      """;
  private static final String VALUE =
      "status, priority: a name (RESOLVED, HIGH); assignee: a user's id, \"me\" (whoever applies"
          + " it) or null to unassign; group: a group's id or null for none; category: a"
          + " category's name or null for none; addTags, removeTags: a list of tags; field: an"
          + " object of custom field values by key (null clears one); reply, note: a text with"
          + " placeholders as canned responses have them";

  private final Dispatch dispatch;

  public MacroResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  /** One action. */
  @Schema(name = "MacroAction")
  public record Action(
      @Schema(
              required = true,
              enumeration = {
                "status",
                "priority",
                "assignee",
                "group",
                "category",
                "addTags",
                "removeTags",
                "field",
                "reply",
                "note"
              })
          String type,
      @Schema(description = VALUE, nullable = true, examples = "RESOLVED") Object value) {
    static Action of(MacroAction a) {
      return new Action(a.type(), a.value());
    }

    MacroAction action() {
      return new MacroAction(type, value);
    }
  }

  /** Body of a create or a change. */
  @Schema(
      name = "MacroRequest",
      description =
          "To create one, title and actions are required; to change one, a field left out stays"
              + " as it is (actions: the whole list; shared cannot change).")
  public record Body(
      @Schema(maxLength = 120, examples = "Resolve: printer reset") String title,
      @Schema(description = "true: applied by all staff (admins only); default false")
          Boolean shared,
      @Schema(
              maxItems = 10,
              description =
                  "1 to 10 actions, each type at most once, a reply or a note but not both; run"
                      + " in a fixed order whatever their order here: group, category, priority,"
                      + " field, addTags, removeTags, assignee, reply or note, status")
          List<Action> actions) {
    List<MacroAction> macroActions() {
      return actions == null
          ? null
          : actions.stream().map(a -> a == null ? null : a.action()).toList();
    }
  }

  /** A macro as read. */
  @Schema(name = "Macro")
  public record View(
      UUID id,
      String title,
      boolean shared,
      List<Action> actions,
      @Schema(nullable = true, description = "Whose macro it is; null for a shared one")
          UUID ownerId,
      UUID createdBy,
      long version,
      Instant updatedAt) {
    static View of(Macro m) {
      return new View(
          m.id(),
          m.title(),
          m.shared(),
          m.actions().stream().map(Action::of).toList(),
          m.ownerId(),
          m.createdBy(),
          m.version(),
          m.updatedAt());
    }
  }

  /** The macros a caller may apply. */
  @Schema(name = "MacroList")
  public record ViewList(List<View> items) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createMacro", summary = "Save a macro")
  @APIResponse(
      responseCode = "201",
      description = "The macro at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class),
              examples = @ExampleObject(name = "macro", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY + "; shared=true by a non-admin")
  @APIResponse(
      responseCode = "422",
      description =
          "title or an action breaks a rule (actions[i].type, actions[i].value: an unknown"
              + " placeholder, group, category or field)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> create(Body body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateMacro(body.title(), body.shared(), body.macroActions()),
        http,
        m ->
            Response.created(URI.create("/api/v1/macros/" + m.id()))
                .tag(etag(m))
                .entity(View.of(m))
                .build());
  }

  @GET
  @Operation(
      operationId = "listMacros",
      summary = "The macros the caller may apply",
      description = "Shared ones first, then the caller's own, each part by title.")
  @APIResponse(
      responseCode = "200",
      description = "The macros, in one page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewList.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY)
  public Uni<Response> list(@Context HttpServerRequest http) {
    return dispatch.ok(
        new ListMacros(), http, all -> new ViewList(all.stream().map(View::of).toList()));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getMacro", summary = "Read a macro")
  @APIResponse(
      responseCode = "200",
      description = "The macro; ETag carries its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY)
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindMacro(id), http, MacroResource::withTag);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeMacro",
      summary = "Change a macro's title or actions",
      description = "The owner changes a personal macro, an admin a shared one.")
  @APIResponse(
      responseCode = "200",
      description = "The macro as it now is; ETag carries its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY + "; a shared one by a non-admin")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  @APIResponse(responseCode = "422", description = "title or an action breaks a rule")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = "The ETag last read (412 when it moved on). Optional.")
          @HeaderParam("If-Match")
          String ifMatch,
      Body body,
      @Context HttpServerRequest http) {
    Body patch = body == null ? new Body(null, null, null) : body;
    return dispatch.versioned(
        http,
        ifMatch,
        "the macro's",
        version -> new ChangeMacro(id, version, patch.title(), patch.macroActions()),
        MacroResource::withTag);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteMacro",
      summary = "Delete a macro",
      description = "The owner deletes a personal macro, an admin a shared one.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = STAFF_ONLY + "; a shared one by a non-admin")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  public Uni<Response> delete(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.noContent(new DeleteMacro(id), http);
  }

  private static Response withTag(Macro m) {
    return Response.ok(View.of(m)).tag(etag(m)).build();
  }

  private static EntityTag etag(Macro m) {
    return new EntityTag(Long.toString(m.version()));
  }
}
