package dev.triage.adapters.in.rest.canned;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.canned.CannedResponse;
import dev.triage.application.canned.ChangeCannedResponse;
import dev.triage.application.canned.CreateCannedResponse;
import dev.triage.application.canned.DeleteCannedResponse;
import dev.triage.application.canned.FindCannedResponse;
import dev.triage.application.canned.ListCannedResponses;
import dev.triage.application.canned.PreviewCannedResponse;
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
 * {@code /api/v1/canned-responses}: reply templates staff keep (issue 19, point 2), personal ones
 * and shared ones admins keep, with placeholders checked when saved and a preview for a ticket.
 */
@Path("/api/v1/canned-responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Canned responses",
    description =
        "Reply templates with placeholders ({{ticket.number}}, {{ticket.title}},"
            + " {{ticket.status}}, {{ticket.priority}}, {{requester.displayName}},"
            + " {{requester.email}}, {{agent.displayName}}, {{agent.email}}); staff only")
@SecurityRequirement(name = "bearer")
@Authenticated
public class CannedResponseResource {

  private static final String ID = "The canned response's id";
  private static final String ETAG = "The response's version; send it back as If-Match";
  private static final String NOT_VISIBLE = "No such canned response, or another's personal one";
  private static final String STAFF_ONLY = "Customers, or a token without the scope needed";
  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","title":"Printer reset","shared":true,
       "body":"Hello {{requester.displayName}}, about {{ticket.number}}: ...","ownerId":null,
       "createdBy":"0192f0c4-0000-7000-8000-000000000001","version":1,
       "updatedAt":"2026-12-01T09:00:00Z"}
      """;
  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/canned-responses",
       "code":"VALIDATION_FAILED",
       "errors":{"body":["unknown placeholder {{ticket.nmber}}; known: ..."]}}
      """;

  private final Dispatch dispatch;

  public CannedResponseResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  /** Body of a create or a change. */
  @Schema(
      name = "CannedResponseRequest",
      description =
          "To create one, title and body are required; to change one, a field left out stays as"
              + " it is (shared cannot change).")
  public record Body(
      @Schema(maxLength = 120, examples = "Printer reset") String title,
      @Schema(
              maxLength = 20_000,
              description =
                  "The text; placeholders are written {{object.property}}, an unknown one is"
                      + " refused (422 naming body)",
              examples = "Hello {{requester.displayName}}, about {{ticket.number}}: ...")
          String body,
      @Schema(description = "true: seen by all staff (admins only); default false")
          Boolean shared) {}

  /** A canned response as read. */
  @Schema(name = "CannedResponse")
  public record View(
      UUID id,
      String title,
      String body,
      boolean shared,
      @Schema(nullable = true, description = "Whose response it is; null for a shared one")
          UUID ownerId,
      UUID createdBy,
      long version,
      Instant updatedAt) {
    static View of(CannedResponse r) {
      return new View(
          r.id(),
          r.title(),
          r.body(),
          r.shared(),
          r.ownerId(),
          r.createdBy(),
          r.version(),
          r.updatedAt());
    }
  }

  /** The responses a caller may use. */
  @Schema(name = "CannedResponseList")
  public record ViewList(List<View> items) {}

  /** Body of a preview. */
  @Schema(name = "CannedResponsePreviewRequest")
  public record PreviewBody(
      @Schema(
              required = true,
              description = "The ticket's id or number",
              examples = "TCK-2026-000042")
          String ticketId) {}

  /** A rendered response. */
  @Schema(name = "CannedResponsePreview")
  public record Rendered(String body) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createCannedResponse", summary = "Save a canned response")
  @APIResponse(
      responseCode = "201",
      description = "The response at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class),
              examples = @ExampleObject(name = "response", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY + "; shared=true by a non-admin")
  @APIResponse(
      responseCode = "422",
      description = "title or body breaks a rule (an unknown placeholder in body)",
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
        new CreateCannedResponse(body.title(), body.body(), body.shared()),
        http,
        r ->
            Response.created(URI.create("/api/v1/canned-responses/" + r.id()))
                .tag(etag(r))
                .entity(View.of(r))
                .build());
  }

  @GET
  @Operation(
      operationId = "listCannedResponses",
      summary = "The canned responses the caller may use",
      description = "Shared ones first, then the caller's own, each part by title.")
  @APIResponse(
      responseCode = "200",
      description = "The responses, in one page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ViewList.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY)
  public Uni<Response> list(@Context HttpServerRequest http) {
    return dispatch.ok(
        new ListCannedResponses(), http, all -> new ViewList(all.stream().map(View::of).toList()));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getCannedResponse", summary = "Read a canned response")
  @APIResponse(
      responseCode = "200",
      description = "The response; ETag carries its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY)
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindCannedResponse(id), http, CannedResponseResource::withTag);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeCannedResponse",
      summary = "Change a canned response's title or body",
      description = "The owner changes a personal response, an admin a shared one.")
  @APIResponse(
      responseCode = "200",
      description = "The response as it now is; ETag carries its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY + "; a shared one by a non-admin")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  @APIResponse(responseCode = "422", description = "title or body breaks a rule")
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
        "the canned response's",
        version -> new ChangeCannedResponse(id, version, patch.title(), patch.body()),
        CannedResponseResource::withTag);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteCannedResponse",
      summary = "Delete a canned response",
      description = "The owner deletes a personal response, an admin a shared one.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = STAFF_ONLY + "; a shared one by a non-admin")
  @APIResponse(responseCode = "404", description = NOT_VISIBLE)
  public Uni<Response> delete(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.noContent(new DeleteCannedResponse(id), http);
  }

  @POST
  @Path("{id}/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "previewCannedResponse",
      summary = "Render a canned response for a ticket",
      description =
          "The text as it would be sent on the ticket by the caller: the ticket's fields, its"
              + " requester, and the caller as the agent. Nothing is saved.")
  @APIResponse(
      responseCode = "200",
      description = "The rendered text",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Rendered.class)))
  @APIResponse(responseCode = "403", description = STAFF_ONLY)
  @APIResponse(
      responseCode = "404",
      description = NOT_VISIBLE + "; or no ticket the caller may see")
  public Uni<Response> preview(
      @Parameter(description = ID) @PathParam("id") String id,
      PreviewBody body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.ok(
        new PreviewCannedResponse(id, body.ticketId()), http, r -> new Rendered(r.body()));
  }

  private static Response withTag(CannedResponse r) {
    return Response.ok(View.of(r)).tag(etag(r)).build();
  }

  private static EntityTag etag(CannedResponse r) {
    return new EntityTag(Long.toString(r.version()));
  }
}
