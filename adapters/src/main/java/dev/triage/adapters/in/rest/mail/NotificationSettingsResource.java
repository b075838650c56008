package dev.triage.adapters.in.rest.mail;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.mail.MailBodies.ChangeNotificationSettingsRequest;
import dev.triage.adapters.in.rest.mail.MailBodies.NotificationSettingsResponse;
import dev.triage.application.mail.ChangeNotificationSettings;
import dev.triage.application.mail.GetNotificationSettings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/me/notification-settings}: which notification kinds reach the caller by e-mail.
 * Any signed-in caller, for themself only.
 */
@Path("/api/v1/me/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
@Authenticated
public class NotificationSettingsResource {

  static final String EXAMPLE =
      """
      {"email":{"ASSIGNED_TO_YOU":true,"ESCALATED":true,"INTERNAL_NOTE":false,"REPLY":true,
       "SLA_BREACHED":true,"SLA_WARNING":true,"STATUS_CHANGED":true,"UNASSIGNED":true}}
      """;

  static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"email.LUNCH: is not a notification kind (ASSIGNED_TO_YOU, UNASSIGNED, ...)",
       "instance":"/api/v1/me/notification-settings","code":"VALIDATION_FAILED",
       "errors":{"email.LUNCH":["is not a notification kind (ASSIGNED_TO_YOU, UNASSIGNED, ...)"]}}
      """;

  private final Dispatch dispatch;

  public NotificationSettingsResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "getNotificationSettings",
      summary = "Which notifications reach me by e-mail",
      description =
          "Every notification kind, true when it is mailed to the caller (all are, until switched"
              + " off). Mail goes out only where the service has e-mail configured; customers are"
              + " only ever mailed of public replies, status changes and resolution.")
  @APIResponse(
      responseCode = "200",
      description = "The caller's settings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NotificationSettingsResponse.class),
              examples = @ExampleObject(name = "settings", value = EXAMPLE)))
  public Uni<Response> get(@Context HttpServerRequest http) {
    return dispatch.ok(new GetNotificationSettings(), http, NotificationSettingsResponse::of);
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeNotificationSettings",
      summary = "Switch notification kinds on or off for e-mail",
      description = "Kinds left out stay as they are. Audited with the settings before and after.")
  @APIResponseSchema(
      value = NotificationSettingsResponse.class,
      responseCode = "200",
      responseDescription = "The caller's settings as they now are")
  @APIResponse(responseCode = "400", description = "No JSON body, or a value is not a boolean")
  @APIResponse(
      responseCode = "422",
      description = "A kind is unknown or its value is null; `errors` names `email.<kind>`",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "unknown kind", value = REFUSED)))
  public Uni<Response> change(
      ChangeNotificationSettingsRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new ChangeNotificationSettings(body.email()),
        http,
        view -> Response.ok(NotificationSettingsResponse.of(view)).build());
  }
}
