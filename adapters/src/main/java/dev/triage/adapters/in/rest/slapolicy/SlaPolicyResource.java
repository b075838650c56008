package dev.triage.adapters.in.rest.slapolicy;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.slapolicy.SlaPolicyBodies.ReapplyResponse;
import dev.triage.adapters.in.rest.slapolicy.SlaPolicyBodies.SlaPolicyPage;
import dev.triage.adapters.in.rest.slapolicy.SlaPolicyBodies.SlaPolicyRequest;
import dev.triage.adapters.in.rest.slapolicy.SlaPolicyBodies.SlaPolicyResponse;
import dev.triage.application.slapolicy.ChangeSlaPolicy;
import dev.triage.application.slapolicy.CreateSlaPolicy;
import dev.triage.application.slapolicy.DeleteSlaPolicy;
import dev.triage.application.slapolicy.FindSlaPolicy;
import dev.triage.application.slapolicy.ListSlaPolicies;
import dev.triage.application.slapolicy.ReapplySlaPolicies;
import dev.triage.application.slapolicy.SlaPolicyView;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code /api/v1/sla-policies}: SLA policies (issue 17, ADR 17). Admins define, change and delete
 * them; agents and admins read them. Every change is a new version (the ETag); the versions before
 * it stay as they were, for the tickets measured against them. The default policy always exists.
 */
@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "SLA policies",
    description =
        "Ordered SLA policies: the conditions under which each applies, the calendar its targets"
            + " are measured in, and per priority the targets of the first-response, resolution"
            + " and next-reply clocks (admins change them; staff read them)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class SlaPolicyResource {

  static final int DEFAULT_LIMIT = 25;
  private static final String ETAG_OF = "the policy's";

  private static final String ID = "The policy's id";
  private static final String IF_MATCH =
      "The policy's ETag as last read: the command runs only on that version (412 otherwise)."
          + " Optional: without it the command runs on the current version.";
  private static final String ETAG = "The policy's version; send it back as If-Match";
  private static final String WRITERS = "Admins only (or an API token with the admin scope)";
  private static final String READERS =
      "Agents and admins only (an API token needs the tickets:read scope)";

  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","version":1,"name":"Billing",
       "calendarId":"0192f0c4-1111-7c3d-9b2a-4e5f6a7b8c9d","warningShare":0.8,"position":1,
       "conditions":{"priorities":[],"categories":["billing"],"tags":[],"requesterIds":[]},
       "targets":{"CRITICAL":{"firstResponse":"PT30M","resolution":"PT4H","nextReply":"PT1H"},
        "HIGH":{"firstResponse":"PT1H","resolution":"PT8H","nextReply":"PT2H"},
        "MEDIUM":{"firstResponse":"PT4H","resolution":"PT24H","nextReply":"PT4H"},
        "LOW":{"firstResponse":"PT8H","resolution":"PT48H","nextReply":"PT8H"}}}
      """;

  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/sla-policies",
       "code":"VALIDATION_FAILED",
       "errors":{"calendarId":["names no calendar"],
        "targets.HIGH.resolution":["must be positive"]}}
      """;

  private final Dispatch dispatch;

  public SlaPolicyResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createSlaPolicy",
      summary = "Define an SLA policy (admins)",
      description =
          "Checks every field: the calendar must exist, the warning share lie above 0 and at"
              + " most 1, every priority have the targets of all three clocks (each above zero,"
              + " at most 365 days), conditions name priorities and requesters that can exist."
              + " Each refusal names its field.")
  @APIResponse(
      responseCode = "201",
      description = "The policy at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SlaPolicyResponse.class),
              examples = @ExampleObject(name = "policy", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "409", description = "A policy of that name exists")
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule; `errors` names each one by its path in the body (`name`,"
              + " `calendarId`, `warningShare`, `position`, `conditions.priorities[0]`,"
              + " `targets.HIGH`, `targets.HIGH.resolution`)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> create(SlaPolicyRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateSlaPolicy(body.input()),
        http,
        c ->
            Response.created(URI.create("/api/v1/sla-policies/" + c.id()))
                .tag(etag(c))
                .entity(SlaPolicyResponse.of(c))
                .build());
  }

  @POST
  @Path("reapply")
  @Operation(
      operationId = "reapplySlaPolicies",
      summary = "Move open tickets to the current policies and calendars (admins)",
      description =
          "Measures every open ticket (OPEN, IN_PROGRESS, PENDING_CUSTOMER) again against the"
              + " policy its fields select now, in the current version of that policy and of its"
              + " calendar; its due dates are recomputed from creation. Editing a policy or"
              + " calendar never moves a ticket's deadlines by itself: this command does, once,"
              + " with one audit entry. A ticket already on the current versions does not count,"
              + " so a second run answers 0. Send an Idempotency-Key to make a retry safe.")
  @APIResponse(
      responseCode = "200",
      description = "How many tickets moved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReapplyResponse.class),
              examples = @ExampleObject(name = "moved", value = "{\"tickets\":42}")))
  @APIResponse(responseCode = "403", description = WRITERS)
  public Uni<Response> reapply(@Context HttpServerRequest http) {
    return dispatch.send(
        new ReapplySlaPolicies(), http, n -> Response.ok(new ReapplyResponse(n)).build());
  }

  @GET
  @Operation(
      operationId = "listSlaPolicies",
      summary = "List policies in the order they are tried, each at its current version (staff)")
  @APIResponse(
      responseCode = "200",
      description = "A page of policies, the default last; `Link` when more follow",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SlaPolicyPage.class)))
  @APIResponse(responseCode = "400", description = "limit is not a number, or a bad cursor")
  @APIResponse(responseCode = "403", description = READERS)
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> list(
      @Parameter(
              description = "Policies per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    int size = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        return Uni.createFrom().item(malformed("limit", "must be a whole number", http.path()));
      }
    }
    Optional<String> after = Optional.empty();
    if (cursor != null && !cursor.isBlank()) {
      after = Cursors.decode(cursor.strip());
      if (after.isEmpty()) {
        return Uni.createFrom().item(malformed("cursor", "is not valid", http.path()));
      }
    }
    return dispatch.page(
        new ListSlaPolicies(after, size),
        http,
        uri,
        (policies, next) ->
            new SlaPolicyPage(policies.stream().map(SlaPolicyResponse::of).toList(), next));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getSlaPolicy", summary = "Read a policy at its current version (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The policy; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SlaPolicyResponse.class),
              examples = @ExampleObject(name = "policy", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = READERS)
  @APIResponse(responseCode = "404", description = "No such policy (or a deleted one)")
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindSlaPolicy(id), http, SlaPolicyResource::withTag);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeSlaPolicy",
      summary = "Replace a policy's definition: a new version (admins)",
      description =
          "The whole definition, checked as at creation. It becomes the policy's next version;"
              + " the earlier versions stay as they were, so tickets measured against them keep"
              + " their deadlines. The default policy keeps no conditions and position"
              + " 2147483647. A definition equal to the current one changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The policy at its new version; ETag carries it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SlaPolicyResponse.class),
              examples = @ExampleObject(name = "policy", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such policy (or a deleted one)")
  @APIResponse(responseCode = "409", description = "Another policy has that name")
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule; `errors` names each one, as at creation")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      SlaPolicyRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.versioned(
        http,
        ifMatch,
        ETAG_OF,
        v -> new ChangeSlaPolicy(id, v, body.input()),
        SlaPolicyResource::withTag);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteSlaPolicy",
      summary = "Delete a policy other than the default (admins)",
      description =
          "It leaves the list and is no longer selected; its versions stay for the tickets"
              + " measured against them.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such policy (or a deleted one)")
  @APIResponse(responseCode = "409", description = "The default policy cannot be deleted")
  public Uni<Response> delete(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return dispatch.versioned(
        http,
        ifMatch,
        ETAG_OF,
        v -> new DeleteSlaPolicy(id, v),
        deleted -> Response.noContent().build());
  }

  private static Response withTag(SlaPolicyView view) {
    return Response.ok(SlaPolicyResponse.of(view)).tag(etag(view)).build();
  }

  private static EntityTag etag(SlaPolicyView view) {
    return new EntityTag(Integer.toString(view.version()));
  }

  private static Response malformed(String field, String message, String instance) {
    return Problems.of(
        ErrorCode.MALFORMED_REQUEST,
        "Some query parameters have the wrong type.",
        instance,
        Map.of(field, List.of(message)));
  }
}
