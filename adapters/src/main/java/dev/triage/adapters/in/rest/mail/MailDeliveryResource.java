package dev.triage.adapters.in.rest.mail;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.mail.MailBodies.MailDeliveryResponse;
import dev.triage.application.mail.ListMailDeliveries;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/mail/deliveries}: the mail outbox for admins, to see which mails wait for a retry
 * and which were given up on (and why), as the webhook delivery log shows deliveries.
 */
@Path("/api/v1/mail/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description = "Admins only (or an API token with the admin scope)")
public class MailDeliveryResource {

  private final Dispatch dispatch;

  public MailDeliveryResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "listMailDeliveries",
      summary = "Mails waiting for a retry or given up on, newest first (admins)",
      description =
          "Without `status`, every mail not yet handed to the mail server: PENDING ones (with"
              + " their attempts so far, the last error and when the next attempt is due) and"
              + " DEAD ones (the last allowed attempt failed). `status` narrows to one status,"
              + " SENT included. The counter `triage_mail_deliveries_total{outcome}` counts the"
              + " same outcomes for alerting.")
  @APIResponse(
      responseCode = "200",
      description = "Up to `limit` mails",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = MailDeliveryResponse.class)))
  @APIResponse(responseCode = "400", description = "limit is not a number")
  @APIResponse(
      responseCode = "422",
      description = "status is not PENDING, SENT or DEAD; limit outside 1..100")
  public Uni<Response> list(
      @Parameter(
              description = "Only mails of this status",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"PENDING", "SENT", "DEAD"}))
          @QueryParam("status")
          String status,
      @Parameter(
              description = "Mails to answer, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Context HttpServerRequest http) {
    return dispatch.ok(
        new ListMailDeliveries(status, limit),
        http,
        all -> all.stream().map(MailDeliveryResponse::of).toList());
  }
}
