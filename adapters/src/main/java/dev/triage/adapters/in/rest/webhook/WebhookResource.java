package dev.triage.adapters.in.rest.webhook;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.webhook.WebhookBodies.DeliveryPage;
import dev.triage.adapters.in.rest.webhook.WebhookBodies.DeliveryResponse;
import dev.triage.adapters.in.rest.webhook.WebhookBodies.RegisterWebhookRequest;
import dev.triage.adapters.in.rest.webhook.WebhookBodies.UpdateWebhookRequest;
import dev.triage.adapters.in.rest.webhook.WebhookBodies.WebhookResponse;
import dev.triage.application.webhook.DeleteWebhook;
import dev.triage.application.webhook.FindWebhook;
import dev.triage.application.webhook.ListWebhookDeliveries;
import dev.triage.application.webhook.ListWebhooks;
import dev.triage.application.webhook.RedeliverWebhookDelivery;
import dev.triage.application.webhook.RegisterWebhook;
import dev.triage.application.webhook.UpdateWebhook;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code /api/v1/webhooks}: admins register endpoints for ticket events (the signing secret is in
 * the registration's answer only), change and remove them, read each one's delivery log and send a
 * delivery again.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description = "Admins only (or an API token with the admin scope)")
public class WebhookResource {

  static final int DEFAULT_LIMIT = 25;

  private static final String REFUSED_URL =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"url: host 10.0.0.7 resolves to the private address 10.0.0.7",
       "instance":"/api/v1/webhooks","code":"VALIDATION_FAILED",
       "errors":{"url":["host 10.0.0.7 resolves to the private address 10.0.0.7"]}}
      """;

  private final Dispatch dispatch;

  public WebhookResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerWebhook",
      summary = "Register a webhook; its signing secret is in this answer only",
      description =
          "Every event of the chosen types (all when none are named) is posted to the URL as JSON,"
              + " signed with HMAC-SHA256 of the secret over `timestamp.body`. Staff-only events"
              + " go only to webhooks registered with includeInternal.")
  @APIResponseSchema(
      value = WebhookResponse.class,
      responseCode = "201",
      responseDescription = "The webhook, with `secret`; `Location` names it")
  @APIResponse(responseCode = "400", description = "No JSON body")
  @APIResponse(
      responseCode = "422",
      description =
          "The URL is not an absolute http(s) URL, carries user info, or its host resolves to a"
              + " refused address; or an event type is unknown. `errors` names the field.",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "private address", value = REFUSED_URL)))
  public Uni<Response> register(RegisterWebhookRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    return dispatch.send(
        new RegisterWebhook(body.url(), body.events(), body.active(), body.includeInternal()),
        http,
        w ->
            Response.created(URI.create("/api/v1/webhooks/" + w.id()))
                .entity(WebhookResponse.of(w))
                .build());
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "List webhooks, newest first (never their secrets)")
  @APIResponse(
      responseCode = "200",
      description = "Every webhook",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookResponse.class)))
  public Uni<Response> list(@Context HttpServerRequest http) {
    return dispatch.ok(
        new ListWebhooks(), http, all -> all.stream().map(WebhookResponse::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getWebhook", summary = "Read a webhook (never its secret)")
  @APIResponseSchema(
      value = WebhookResponse.class,
      responseCode = "200",
      responseDescription = "The webhook")
  @APIResponse(responseCode = "404", description = "No such webhook")
  public Uni<Response> find(
      @Parameter(description = "The webhook's id") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return dispatch.ok(new FindWebhook(id), http, w -> WebhookResponse.of(w));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateWebhook",
      summary = "Change a webhook's URL, event types, active or includeInternal flag",
      description =
          "Fields left out stay as they are. A new URL passes the registration's checks. Queued"
              + " deliveries keep their body; an inactive webhook's deliveries wait until it is"
              + " active again, and no new ones are queued for it meanwhile.")
  @APIResponseSchema(
      value = WebhookResponse.class,
      responseCode = "200",
      responseDescription = "The webhook as it now is")
  @APIResponse(responseCode = "404", description = "No such webhook")
  @APIResponse(responseCode = "422", description = "As for the registration")
  public Uni<Response> update(
      @Parameter(description = "The webhook's id") @PathParam("id") String id,
      UpdateWebhookRequest body,
      @Context HttpServerRequest http) {
    UpdateWebhookRequest patch =
        body == null ? new UpdateWebhookRequest(null, null, null, null) : body;
    return dispatch.ok(
        new UpdateWebhook(id, patch.url(), patch.events(), patch.active(), patch.includeInternal()),
        http,
        w -> WebhookResponse.of(w));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Remove a webhook and its delivery log; nothing more is sent to it")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such webhook")
  public Uni<Response> delete(
      @Parameter(description = "The webhook's id") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return dispatch.noContent(new DeleteWebhook(id), http);
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "Read a webhook's delivery log, newest first",
      description =
          "One delivery per event sent to this webhook: its status (PENDING, DELIVERED, DEAD),"
              + " attempts so far, the last response code and error, when the next attempt is"
              + " due. A Link header names the next page.")
  @APIResponseSchema(
      value = DeliveryPage.class,
      responseCode = "200",
      responseDescription = "A page of deliveries")
  @APIResponse(responseCode = "400", description = "limit is not a number, or a bad cursor")
  @APIResponse(responseCode = "404", description = "No such webhook")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> deliveries(
      @Parameter(description = "The webhook's id") @PathParam("id") String id,
      @Parameter(
              description = "Deliveries per page, 1 to 100",
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
    ListWebhookDeliveries query = new ListWebhookDeliveries(id, after, size);
    return dispatch.page(
        query,
        http,
        uri,
        (deliveries, next) ->
            new DeliveryPage(deliveries.stream().map(DeliveryResponse::of).toList(), next));
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/redeliver")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send a delivery again",
      description =
          "Whatever its status, the delivery is due at once (PENDING) with the same event id and"
              + " body; its attempts count on. An attempt in flight is superseded.")
  @APIResponseSchema(
      value = DeliveryResponse.class,
      responseCode = "202",
      responseDescription = "Queued; the delivery as it now is")
  @APIResponse(responseCode = "404", description = "No such webhook or delivery")
  public Uni<Response> redeliver(
      @Parameter(description = "The webhook's id") @PathParam("id") String id,
      @Parameter(description = "The delivery's id, from the delivery log") @PathParam("deliveryId")
          String deliveryId,
      @Context HttpServerRequest http) {
    return dispatch.send(
        new RedeliverWebhookDelivery(id, deliveryId),
        http,
        d -> Response.accepted(DeliveryResponse.of(d)).build());
  }

  private static Response malformed(String field, String message, String instance) {
    return Problems.of(
        ErrorCode.MALFORMED_REQUEST,
        "Some query parameters have the wrong type.",
        instance,
        Map.of(field, List.of(message)));
  }
}
