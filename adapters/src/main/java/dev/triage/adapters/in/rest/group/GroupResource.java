package dev.triage.adapters.in.rest.group;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.group.ChangeGroup;
import dev.triage.application.group.CreateGroup;
import dev.triage.application.group.DeleteGroup;
import dev.triage.application.group.FindGroup;
import dev.triage.application.group.GroupView;
import dev.triage.application.group.ListGroups;
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
 * {@code /api/v1/groups}: groups (teams) of staff (ADR 0019). Admins add groups, rename them,
 * replace their members and delete the ones nothing refers to; staff read them.
 */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Groups",
    description =
        "Teams of agents and admins; a ticket belongs to at most one group, and an agent may be"
            + " restricted to the tickets of their groups (admins keep them; staff read them)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class GroupResource {

  private static final String ID = "The group's id";
  private static final String IF_MATCH =
      "The group's ETag as last read: the change applies only to that version (412 otherwise)."
          + " Optional: without it the change applies to the current version.";
  private static final String ETAG = "The group's version; send it back as If-Match";
  private static final String WRITERS = "Admins only (or an API token with the admin scope)";
  private static final String READERS = "Customers (staff only)";
  private static final String NAME =
      "1 to "
          + CreateGroup.MAX_NAME_LENGTH
          + " characters after trimming; unique, whatever the case";
  private static final String MEMBERS =
      "The members' user ids: each an active agent or admin (customers cannot be members); on a"
          + " change, the whole list, replacing the members";

  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","name":"Billing",
       "memberIds":["0192f0c4-0000-7c3d-9b2a-4e5f6a7b8c9d"],"version":1}
      """;

  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"memberIds: 0192f0c4-0000-7c3d-9b2a-4e5f6a7b8c9d is a customer; members must be
       agents or admins","instance":"/api/v1/groups","code":"VALIDATION_FAILED",
       "errors":{"memberIds":["0192f0c4-0000-7c3d-9b2a-4e5f6a7b8c9d is a customer; members must be
       agents or admins"]}}
      """;

  @Schema(
      name = "GroupRequest",
      description =
          "A group's fields. To create one, name is required; to change one, each may be left out"
              + " (it stays as it is).")
  record GroupRequest(
      @Schema(maxLength = CreateGroup.MAX_NAME_LENGTH, description = NAME, examples = "Billing")
          String name,
      @Schema(maxItems = CreateGroup.MAX_MEMBERS, description = MEMBERS) List<String> memberIds) {}

  @Schema(name = "Group")
  record GroupResponse(
      UUID id,
      @Schema(examples = "Billing") String name,
      @Schema(description = "The members' user ids, in the order of their text")
          List<UUID> memberIds,
      @Schema(description = "The group's version: its ETag, to send back as If-Match")
          long version) {
    static GroupResponse of(GroupView v) {
      return new GroupResponse(v.id(), v.name(), v.memberIds(), v.version());
    }
  }

  @Schema(name = "GroupList", description = "Every group by name, in one page")
  record GroupList(
      List<GroupResponse> items,
      @Schema(nullable = true, description = "Always null: the groups come in one page")
          String nextCursor) {}

  private final Dispatch dispatch;

  public GroupResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createGroup",
      summary = "Add a group (admins)",
      description =
          "The name is trimmed and must be 1 to 60 characters, unique among groups whatever the"
              + " case; each member must be an active agent or admin.")
  @APIResponse(
      responseCode = "201",
      description = "The group at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GroupResponse.class),
              examples = @ExampleObject(name = "group", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(
      responseCode = "409",
      description = "A group of that name exists (names are compared ignoring case)")
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule; `errors` names each one (`name`, `memberIds`, naming every"
              + " member that is no active agent or admin)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> create(GroupRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateGroup(body.name(), body.memberIds()),
        http,
        g ->
            Response.created(URI.create("/api/v1/groups/" + g.id()))
                .tag(etag(g))
                .entity(GroupResponse.of(g))
                .build());
  }

  @GET
  @Operation(
      operationId = "listGroups",
      summary = "List the groups by name (staff)",
      description = "Every group with its members; the whole list comes in one page.")
  @APIResponse(
      responseCode = "200",
      description = "The groups by name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GroupList.class)))
  @APIResponse(responseCode = "403", description = READERS)
  public Uni<Response> list(@Context HttpServerRequest http) {
    return dispatch.ok(
        new ListGroups(),
        http,
        groups -> new GroupList(groups.stream().map(GroupResponse::of).toList(), null));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getGroup", summary = "Read a group and its members (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The group; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GroupResponse.class),
              examples = @ExampleObject(name = "group", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = READERS)
  @APIResponse(responseCode = "404", description = "No such group")
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindGroup(id), http, GroupResource::withTag);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeGroup",
      summary = "Rename a group or replace its members (admins)",
      description =
          "Fields left out stay as they are; memberIds replaces the whole member list. A member"
              + " removed from a group stops seeing its tickets (if restricted to their groups)"
              + " with their next request on this replica, within seconds on the others. Fields"
              + " that come out as they were keep the version.")
  @APIResponse(
      responseCode = "200",
      description = "The group as it now is; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GroupResponse.class),
              examples = @ExampleObject(name = "group", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such group")
  @APIResponse(responseCode = "409", description = "Another group has that name")
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule; `errors` names each one, as at creation")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      GroupRequest body,
      @Context HttpServerRequest http) {
    GroupRequest patch = body == null ? new GroupRequest(null, null) : body;
    return dispatch.versioned(
        http,
        ifMatch,
        "the group's",
        version -> new ChangeGroup(id, version, patch.name(), patch.memberIds()),
        GroupResource::withTag);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteGroup",
      summary = "Delete a group nothing refers to (admins)",
      description =
          "Refused (409) while a ticket is in the group or a category names it as its default"
              + " group: move the tickets and change the categories first. Its members leave it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such group")
  @APIResponse(
      responseCode = "409",
      description = "A ticket is in the group, or a category names it as its default group")
  public Uni<Response> delete(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return dispatch.versioned(
        http,
        ifMatch,
        "the group's",
        v -> new DeleteGroup(id, v),
        deleted -> Response.noContent().build());
  }

  private static Response withTag(GroupView view) {
    return Response.ok(GroupResponse.of(view)).tag(etag(view)).build();
  }

  private static EntityTag etag(GroupView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
