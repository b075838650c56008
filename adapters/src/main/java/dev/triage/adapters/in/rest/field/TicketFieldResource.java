package dev.triage.adapters.in.rest.field;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.field.TicketFieldBodies.TicketFieldList;
import dev.triage.adapters.in.rest.field.TicketFieldBodies.TicketFieldRequest;
import dev.triage.adapters.in.rest.field.TicketFieldBodies.TicketFieldResponse;
import dev.triage.application.field.ChangeTicketField;
import dev.triage.application.field.CreateTicketField;
import dev.triage.application.field.FindTicketField;
import dev.triage.application.field.ListTicketFields;
import dev.triage.application.field.TicketFieldView;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/ticket-fields}: the custom ticket fields (issue 18, point 4; ADR 20). Admins
 * define fields and change or retire them (there is no deletion); everyone signed in reads the ones
 * they may see.
 */
@Path("/api/v1/ticket-fields")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Ticket fields",
    description =
        "Custom fields tickets carry under `fields` (admins define them; everyone signed in reads"
            + " the ones they may see)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class TicketFieldResource {

  private static final String ID = "The field's id";
  private static final String IF_MATCH =
      "The field's ETag as last read: the change applies only to that version (412 otherwise)."
          + " Optional: without it the change applies to the current version.";
  private static final String ETAG = "The field's version; send it back as If-Match";
  private static final String WRITERS = "Admins only (or an API token with the admin scope)";

  private final Dispatch dispatch;

  public TicketFieldResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createTicketField",
      summary = "Define a custom ticket field (admins)",
      description =
          "The key (^[a-z][a-z0-9_]{0,39}$, unique) and the type are fixed once created. Options"
              + " are required for DROPDOWN and MULTI_SELECT (1 to 100 distinct, each 1 to 100"
              + " characters) and refused for the other types.")
  @APIResponse(
      responseCode = "201",
      description = "The field at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TicketFieldResponse.class)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "409", description = "A field with that key exists")
  @APIResponse(
      responseCode = "422",
      description =
          "A part breaks a rule; `errors` names each one (`key`, `label`, `type`, `options`)")
  public Uni<Response> create(TicketFieldRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateTicketField(
            body.key(),
            body.label(),
            body.type(),
            body.options(),
            body.requiredForCustomers(),
            body.requiredForStaff(),
            body.visibleToCustomers(),
            body.editableByCustomers(),
            body.position()),
        http,
        f ->
            Response.created(URI.create("/api/v1/ticket-fields/" + f.id()))
                .tag(etag(f))
                .entity(TicketFieldResponse.of(f))
                .build());
  }

  @GET
  @Operation(
      operationId = "listTicketFields",
      summary = "List the custom ticket fields by position",
      description =
          "The active fields the caller may see (customers: those visible to customers); staff"
              + " may ask for all of them, retired ones too. The whole catalogue comes in one"
              + " page.")
  @APIResponse(
      responseCode = "200",
      description = "The fields by position",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TicketFieldList.class)))
  @APIResponse(responseCode = "400", description = "all is not true or false")
  @APIResponse(
      responseCode = "403",
      description =
          "all=true by a customer (staff only); an API token needs the tickets:read scope")
  public Uni<Response> list(
      @Parameter(
              description = "true to include retired fields (staff only)",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("all")
          String all,
      @Context HttpServerRequest http) {
    boolean everything = false;
    if (all != null && !all.isBlank()) {
      String value = all.strip();
      if (value.equals("true")) {
        everything = true;
      } else if (!value.equals("false")) {
        return Uni.createFrom()
            .item(
                Problems.of(
                    ErrorCode.MALFORMED_REQUEST,
                    "Some query parameters have the wrong type.",
                    http.path(),
                    Map.of("all", List.of("must be true or false"))));
      }
    }
    return dispatch.ok(
        new ListTicketFields(everything),
        http,
        fields -> new TicketFieldList(fields.stream().map(TicketFieldResponse::of).toList(), null));
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getTicketField",
      summary = "Read a custom ticket field",
      description =
          "Customers see active fields visible to customers only; any other is 404 to them.")
  @APIResponse(
      responseCode = "200",
      description = "The field; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TicketFieldResponse.class)))
  @APIResponse(responseCode = "403", description = "An API token without the tickets:read scope")
  @APIResponse(responseCode = "404", description = "No such field")
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindTicketField(id), http, TicketFieldResource::withTag);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeTicketField",
      summary = "Change a custom ticket field, or retire it (admins)",
      description =
          "Parts left out stay as they are; key and type cannot change. The options given"
              + " replace the list: a removed option stays readable on the tickets that have it"
              + " and is no longer accepted. active=false retires the field: it is no longer"
              + " offered nor accepted, and tickets keep their values. Parts that come out as"
              + " they were keep the version.")
  @APIResponse(
      responseCode = "200",
      description = "The field as it now is; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TicketFieldResponse.class)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such field")
  @APIResponse(
      responseCode = "422",
      description =
          "A part breaks a rule (`label`, `options`), or names the key or type (fixed once"
              + " created)")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      TicketFieldRequest body,
      @Context HttpServerRequest http) {
    TicketFieldRequest patch =
        body == null
            ? new TicketFieldRequest(null, null, null, null, null, null, null, null, null, null)
            : body;
    if (patch.key() != null || patch.type() != null) {
      Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
      if (patch.key() != null) {
        errors.put("key", List.of("is fixed once the field is created"));
      }
      if (patch.type() != null) {
        errors.put("type", List.of("is fixed once the field is created"));
      }
      return Uni.createFrom()
          .item(
              Problems.of(
                  ErrorCode.VALIDATION_FAILED,
                  "The request has invalid fields.",
                  http.path(),
                  errors));
    }
    return dispatch.versioned(
        http,
        ifMatch,
        "the field's",
        version ->
            new ChangeTicketField(
                id,
                version,
                patch.label(),
                patch.options(),
                patch.requiredForCustomers(),
                patch.requiredForStaff(),
                patch.visibleToCustomers(),
                patch.editableByCustomers(),
                patch.position(),
                patch.active()),
        TicketFieldResource::withTag);
  }

  private static Response withTag(TicketFieldView view) {
    return Response.ok(TicketFieldResponse.of(view)).tag(etag(view)).build();
  }

  private static EntityTag etag(TicketFieldView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
