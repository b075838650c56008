package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.adapters.in.rest.ratelimit.RateLimitResponses;
import dev.triage.application.bus.Bus;
import dev.triage.application.identity.reset.ConfirmPasswordReset;
import dev.triage.application.identity.reset.RequestPasswordReset;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import dev.triage.domain.user.PasswordPolicy;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A forgotten password: a reset mail with a single-use token, and setting a new password with it
 * (ADR 0027). Both are limited per client address (the rate-limit filter); a request is also
 * limited per address asked for, known or not, so nobody can flood one person with mail.
 */
@Path("/api/v1/auth/password-reset")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class PasswordResetResource {

  /** {@code POST /api/v1/auth/password-reset}. */
  @Schema(name = "PasswordResetRequest")
  public record ResetRequest(@Schema(required = true, examples = "ada@example.com") String email) {}

  /** {@code POST /api/v1/auth/password-reset/confirm}. */
  @Schema(name = "PasswordResetConfirmation")
  public record ConfirmRequest(
      @Schema(required = true, description = "The token from the reset mail") String token,
      @Schema(
              required = true,
              minLength = PasswordPolicy.MIN_LENGTH,
              maxLength = PasswordPolicy.MAX_LENGTH)
          String password) {}

  private final Bus bus;
  private final Callers callers;
  private final RateLimits limits;

  public PasswordResetResource(Bus bus, Callers callers, RateLimits limits) {
    this.bus = bus;
    this.callers = callers;
    this.limits = limits;
  }

  @POST
  @PermitAll
  @Operation(
      operationId = "requestPasswordReset",
      summary = "Mail a password reset token",
      description =
          "When an active account has this address, a mail with a single-use token valid for 30"
              + " minutes goes to it. The answer is the same whether or not the address has an"
              + " account. At most 3 requests per address and 10 per client address an hour.")
  @APIResponse(responseCode = "202", description = "Taken; a mail follows if the address is known")
  @APIResponse(responseCode = "400", description = "No JSON body")
  @APIResponse(responseCode = "422", description = "`email` is missing or not an e-mail address")
  public Uni<Response> request(ResetRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    String address = body.email() == null ? "" : body.email().strip().toLowerCase(Locale.ROOT);
    return limits
        .consume(RateLimit.PASSWORD_RESET_PER_ADDRESS, address)
        .flatMap(
            decision ->
                !decision.allowed()
                    ? Uni.createFrom().item(RateLimitResponses.tooMany(decision, http.path()))
                    : bus.send(new RequestPasswordReset(body.email()), callers.anonymous(http))
                        .map(
                            r ->
                                Responses.from(
                                    r, http.path(), ignored -> Response.accepted().build())));
  }

  @POST
  @Path("confirm")
  @PermitAll
  @Operation(
      operationId = "confirmPasswordReset",
      summary = "Set a new password with a reset token",
      description =
          "The token works once and for 30 minutes; the new password must meet the same rules as"
              + " at registration. Every session of the account ends (log in again).")
  @APIResponse(responseCode = "204", description = "The password is set; every session ended")
  @APIResponse(responseCode = "400", description = "No JSON body")
  @APIResponse(
      responseCode = "422",
      description =
          "`token` is unknown, used or expired, or `password` breaks a rule; `errors` names each")
  public Uni<Response> confirm(ConfirmRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return bus.send(
            new ConfirmPasswordReset(body.token(), body.password()), callers.anonymous(http))
        .map(r -> Responses.from(r, http.path(), ignored -> Response.noContent().build()));
  }
}
