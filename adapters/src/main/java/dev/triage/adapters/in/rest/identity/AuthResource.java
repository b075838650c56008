package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.adapters.in.rest.identity.IdentityBodies.LoginRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.RefreshRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.RegisterRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.SessionResponse;
import dev.triage.adapters.in.rest.identity.IdentityBodies.UserResponse;
import dev.triage.application.bus.Bus;
import dev.triage.application.identity.UserView;
import dev.triage.application.identity.register.RegisterCustomer;
import dev.triage.application.identity.session.Login;
import dev.triage.application.identity.session.Logout;
import dev.triage.application.identity.session.RefreshSession;
import dev.triage.application.identity.session.Session;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
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
import java.security.SecureRandom;
import java.time.Clock;
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
  private final LoginThrottle throttle;
  private final Clock clock;
  private final SecureRandom random;

  public AuthResource(
      Bus bus, Callers callers, LoginThrottle throttle, Clock clock, SecureRandom random) {
    this.bus = bus;
    this.callers = callers;
    this.throttle = throttle;
    this.clock = clock;
    this.random = random;
  }

  @POST
  @Path("register")
  @PermitAll
  @Operation(
      operationId = "register",
      summary = "Register a customer account",
      description =
          "An e-mail address that already has an account gets the same answer as a new one, after"
              + " the same work, and nothing changes: the answer never tells whether an address is"
              + " registered. Its `id` then names no account; log in to see your own.")
  @APIResponseSchema(
      value = UserResponse.class,
      responseCode = "201",
      responseDescription = "Registered: log in with the password to get a session")
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule (e-mail, name, password length, a common or easily guessed"
              + " password); `errors` names each")
  public Uni<Response> register(RegisterRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return bus.send(
            new RegisterCustomer(body.email(), body.displayName(), body.password()),
            callers.anonymous(http))
        .map(
            r ->
                r instanceof Result.Err<UserView> taken && taken.code() == ErrorCode.CONFLICT
                    ? created(alreadyRegistered(body))
                    : Responses.from(r, http.path(), user -> created(UserResponse.of(user))));
  }

  private static Response created(UserResponse user) {
    return Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build();
  }

  /**
   * The answer to a registration whose address has an account: shaped as a new account's, with an
   * id that names none. The fields passed validation, as the conflict comes after it.
   */
  private UserResponse alreadyRegistered(RegisterRequest body) {
    return new UserResponse(
        UserId.newId(clock.instant(), random).value(),
        Email.of(body.email()).orElseThrow().value(),
        DisplayName.of(body.displayName()).orElseThrow().value(),
        Role.CUSTOMER,
        true,
        false);
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
      return Dispatch.missingBody(http);
    }
    return throttle.attempt(
        body.email(),
        http,
        () ->
            bus.send(new Login(body.email(), body.password()), callers.anonymous(http))
                .map(
                    r ->
                        new LoginThrottle.Attempt(
                            Responses.from(
                                r, http.path(), s -> Response.ok(SessionResponse.of(s)).build()),
                            r instanceof Result.Err<Session> refused
                                && refused.code() == ErrorCode.UNAUTHENTICATED)));
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
      description =
          "The refresh token is unknown, used, expired or revoked, or its session is older than"
              + " the session lifetime (30 days from login by default)")
  @APIResponse(responseCode = "422", description = "No refresh token")
  public Uni<Response> refresh(RefreshRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
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
}
