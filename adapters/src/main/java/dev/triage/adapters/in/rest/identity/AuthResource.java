package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.adapters.in.rest.identity.IdentityBodies.LoginRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.RefreshRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.RegisterRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.SessionResponse;
import dev.triage.adapters.in.rest.identity.IdentityBodies.UserResponse;
import dev.triage.adapters.in.rest.ratelimit.RateLimitResponses;
import dev.triage.application.bus.Bus;
import dev.triage.application.identity.register.RegisterCustomer;
import dev.triage.application.identity.session.Login;
import dev.triage.application.identity.session.Logout;
import dev.triage.application.identity.session.RefreshSession;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
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
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registering, logging in, refreshing and logging out. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {

  private final Bus bus;
  private final Callers callers;
  private final RateLimits rateLimits;

  public AuthResource(Bus bus, Callers callers, RateLimits rateLimits) {
    this.bus = bus;
    this.callers = callers;
    this.rateLimits = rateLimits;
  }

  @POST
  @Path("register")
  @PermitAll
  @Operation(operationId = "register", summary = "Register a customer account")
  @APIResponseSchema(
      value = UserResponse.class,
      responseCode = "201",
      responseDescription = "The new account; Location names it. Log in to get a session.")
  @APIResponse(responseCode = "409", description = "The e-mail address is taken")
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule (e-mail, name, password length); `errors` names each")
  public Uni<Response> register(RegisterRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return bus.send(
            new RegisterCustomer(body.email(), body.displayName(), body.password()),
            callers.anonymous(http))
        .map(
            r ->
                Responses.from(
                    r,
                    http.path(),
                    user ->
                        Response.created(URI.create("/api/v1/users/" + user.id()))
                            .entity(UserResponse.of(user))
                            .build()));
  }

  @POST
  @Path("login")
  @PermitAll
  @Operation(operationId = "login", summary = "Log in: an access token (JWT) and a refresh token")
  @APIResponse(
      responseCode = "200",
      description = "A session: send `Authorization: Bearer <accessToken>`",
      content =
          @Content(
              schema = @Schema(implementation = SessionResponse.class),
              examples = @ExampleObject(ref = "session")))
  @APIResponse(
      responseCode = "401",
      description = "Wrong e-mail or password, or the account is deactivated",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(ref = "problem")))
  @APIResponse(responseCode = "422", description = "E-mail or password missing")
  public Uni<Response> login(LoginRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    // Per account, on top of the per-address limit the rate-limit filter applies: guessing one
    // account's password from many addresses is slowed too. The limit is shared by all replicas.
    String account = body.email() == null ? "" : body.email().strip().toLowerCase(Locale.ROOT);
    return rateLimits
        .consume(RateLimit.LOGIN_PER_ACCOUNT, account)
        .flatMap(
            decision ->
                !decision.allowed()
                    ? Uni.createFrom().item(RateLimitResponses.tooMany(decision, http.path()))
                    : bus.send(new Login(body.email(), body.password()), callers.anonymous(http))
                        .map(
                            r ->
                                Responses.from(
                                    r,
                                    http.path(),
                                    s -> Response.ok(SessionResponse.of(s)).build())));
  }

  @POST
  @Path("refresh")
  @PermitAll
  @Operation(
      operationId = "refreshSession",
      summary = "Trade a refresh token for a new session (the token is used up)")
  @APIResponseSchema(
      value = SessionResponse.class,
      responseCode = "200",
      responseDescription = "A new session (like login's); the refresh token sent is used up")
  @APIResponse(
      responseCode = "401",
      description = "The refresh token is unknown, used, expired or revoked")
  @APIResponse(responseCode = "422", description = "No refresh token")
  public Uni<Response> refresh(RefreshRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return missingBody(http);
    }
    return bus.send(new RefreshSession(body.refreshToken()), callers.anonymous(http))
        .map(
            r ->
                Responses.from(
                    r,
                    http.path(),
                    outcome ->
                        switch (outcome) {
                          case RefreshSession.Outcome.Renewed renewed ->
                              Response.ok(SessionResponse.of(renewed.session())).build();
                          case RefreshSession.Outcome.Refused refused ->
                              Problems.of(ErrorCode.UNAUTHENTICATED, refused.reason(), http.path());
                        }));
  }

  @POST
  @Path("logout")
  @Authenticated
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "logout", summary = "End every session of the caller")
  @APIResponse(responseCode = "204", description = "Every session and refresh token is ended")
  @APIResponse(responseCode = "409", description = "An API token has no session; revoke the token")
  public Uni<Response> logout(@Context HttpServerRequest http) {
    return callers
        .of(http)
        .flatMap(context -> bus.send(new Logout(), context))
        .map(r -> Responses.from(r, http.path(), ok -> Response.noContent().build()));
  }

  private static Uni<Response> missingBody(HttpServerRequest http) {
    return Uni.createFrom()
        .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
  }
}
