package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.bus.Bus;
import dev.triage.application.identity.reset.ConfirmAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Confirming a registered address with the token mailed at registration, while registration
 * requires it ({@code TRIAGE_AUTH_REQUIRE_CONFIRMED_EMAIL}, ADR 0027). Limited per client address
 * with the password reset endpoints.
 */
@Path("/api/v1/auth/confirm-address")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AddressConfirmationResource {

  /** {@code POST /api/v1/auth/confirm-address}. */
  @Schema(name = "AddressConfirmation")
  public record ConfirmRequest(
      @Schema(required = true, description = "The token from the registration mail")
          String token) {}

  private final Bus bus;
  private final Callers callers;

  public AddressConfirmationResource(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  @POST
  @PermitAll
  @Operation(
      operationId = "confirmAddress",
      summary = "Confirm a registered e-mail address",
      description =
          "The token works once and for a day. While the service requires confirmed addresses, a"
              + " self-registered customer logs in only after this.")
  @APIResponse(responseCode = "204", description = "Confirmed: log in")
  @APIResponse(responseCode = "400", description = "No JSON body")
  @APIResponse(responseCode = "422", description = "`token` is unknown, used or expired")
  public Uni<Response> confirm(ConfirmRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return bus.send(new ConfirmAddress(body.token()), callers.anonymous(http))
        .map(r -> Responses.from(r, http.path(), ignored -> Response.noContent().build()));
  }
}
