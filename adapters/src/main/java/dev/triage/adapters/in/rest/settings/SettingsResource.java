package dev.triage.adapters.in.rest.settings;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.settings.SettingsBodies.ChangeSettingsRequest;
import dev.triage.adapters.in.rest.settings.SettingsBodies.SettingsResponse;
import dev.triage.application.settings.ChangeSettings;
import dev.triage.application.settings.SettingsView;
import dev.triage.application.settings.ShowSettings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * {@code /api/v1/settings}: the runtime settings (issue 17, ADR 17), read and changed by admins
 * without a restart. A change is a new version (the ETag) and reaches every replica within 5
 * seconds.
 */
@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Settings",
    description =
        "Runtime settings: default priority, the priorities customers may choose, whether"
            + " requesters may accept a resolution, the ages of automatic escalation and auto-close"
            + " (admins)")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description =
        "Admins only (or an API token with the admin scope); agents and customers may not")
public class SettingsResource {

  private static final String IF_MATCH =
      "The settings' ETag as last read: the change applies only to that version (412 otherwise)."
          + " Optional: without it the change applies to the current version.";
  private static final String ETAG = "The settings' version; send it back as If-Match";

  private static final String EXAMPLE =
      """
      {"defaultPriority":"MEDIUM","customerPriorities":["LOW","MEDIUM","HIGH"],
       "requesterMayAcceptResolution":true,"autoEscalateAfter":"PT24H","autoCloseAfter":"PT168H",
       "version":3,"updatedAt":"2026-11-22T10:15:30Z",
       "updatedBy":"019a7c50-0000-7000-8000-000000000002"}
      """;

  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/settings",
       "code":"VALIDATION_FAILED",
       "errors":{
        "customerPriorities":["must contain the default priority MEDIUM (a customer who names none gets it)"],
        "autoCloseAfter":["must be an ISO-8601 duration such as PT24H or P7D"]}}
      """;

  private final Dispatch dispatch;

  public SettingsResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "getSettings",
      summary = "Read the runtime settings (admins)",
      description =
          "The settings as stored now, with their version (the ETag). Durations are ISO-8601"
              + " (PT24H); a replica applies a change within 5 seconds of it.")
  @APIResponse(
      responseCode = "200",
      description = "The settings; ETag carries their version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"3\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SettingsResponse.class),
              examples = @ExampleObject(name = "settings", value = EXAMPLE)))
  public Uni<Response> get(@Context HttpServerRequest http) {
    return dispatch.send(new ShowSettings(), http, SettingsResource::withTag);
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeSettings",
      summary = "Change some runtime settings (admins)",
      description =
          "Fields left out stay as they are. The result is checked as a whole: customerPriorities"
              + " may not be empty and must hold defaultPriority, durations run from 1 minute to"
              + " 365 days. It becomes the next version, audited with its before and after, and"
              + " every replica applies it within 5 seconds (at once on most). Settings that come"
              + " out as they were keep their version.")
  @APIResponse(
      responseCode = "200",
      description = "The settings as they now are; ETag carries their version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"4\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SettingsResponse.class),
              examples = @ExampleObject(name = "settings", value = EXAMPLE)))
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule (an unreadable or out-of-bounds duration, customerPriorities"
              + " empty or without the default); `errors` names each one.",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> change(
      @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      ChangeSettingsRequest body,
      @Context HttpServerRequest http) {
    ChangeSettingsRequest patch =
        body == null ? new ChangeSettingsRequest(null, null, null, null, null) : body;
    return dispatch.versioned(
        http,
        ifMatch,
        "the settings'",
        version ->
            new ChangeSettings(
                version,
                patch.defaultPriority(),
                patch.customerPriorities(),
                patch.requesterMayAcceptResolution(),
                patch.autoEscalateAfter(),
                patch.autoCloseAfter()),
        SettingsResource::withTag);
  }

  private static Response withTag(SettingsView view) {
    return Response.ok(SettingsResponse.of(view))
        .tag(new EntityTag(Long.toString(view.version())))
        .build();
  }
}
