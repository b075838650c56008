package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.adapters.in.rest.identity.IdentityBodies.ChangePasswordRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.CreateUserRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.UpdateUserRequest;
import dev.triage.adapters.in.rest.identity.IdentityBodies.UserPage;
import dev.triage.adapters.in.rest.identity.IdentityBodies.UserResponse;
import dev.triage.application.bus.Bus;
import dev.triage.application.identity.UserView;
import dev.triage.application.identity.password.ChangeOwnPassword;
import dev.triage.application.identity.users.CreateUser;
import dev.triage.application.identity.users.FindMe;
import dev.triage.application.identity.users.ListUsers;
import dev.triage.application.identity.users.RevokeSessions;
import dev.triage.application.identity.users.UpdateUser;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account, and admin management of all accounts. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
@Authenticated
public class UserResource {

  private final Dispatch dispatch;
  private final Bus bus;
  private final Callers callers;
  private final LoginThrottle throttle;

  public UserResource(Dispatch dispatch, Bus bus, Callers callers, LoginThrottle throttle) {
    this.dispatch = dispatch;
    this.bus = bus;
    this.callers = callers;
    this.throttle = throttle;
  }

  @GET
  @Path("me")
  @Operation(operationId = "getMe", summary = "The caller's account")
  @APIResponseSchema(
      value = UserResponse.class,
      responseCode = "200",
      responseDescription = "The caller's account")
  public Uni<Response> me(@Context HttpServerRequest http) {
    return dispatch.ok(new FindMe(), http, u -> UserResponse.of(u));
  }

  @POST
  @Path("me/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeOwnPassword",
      summary = "Change the caller's password; every session of the account ends")
  @APIResponse(
      responseCode = "204",
      description =
          "Changed: every access and refresh token of the account stops working, this one"
              + " included; log in with the new password")
  @APIResponse(
      responseCode = "409",
      description = "An API token has no password",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "`errors` names each bad field: `currentPassword` missing or wrong (a wrong one counts as"
              + " a failed login), `newPassword` too short, too long or too easy to guess",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Uni<Response> changeOwnPassword(
      ChangePasswordRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    ChangeOwnPassword command = new ChangeOwnPassword(body.currentPassword(), body.newPassword());
    // The account's email keys the brute-force limits, as at login.
    return callers
        .of(http)
        .flatMap(context -> bus.send(new FindMe(), context))
        .flatMap(
            me ->
                me instanceof Result.Ok<UserView> account
                    ? throttle.attempt(
                        account.value().email(), http, () -> changePassword(command, http))
                    : changePassword(command, http).map(LoginThrottle.Attempt::response));
  }

  private Uni<LoginThrottle.Attempt> changePassword(
      ChangeOwnPassword command, HttpServerRequest http) {
    return callers
        .of(http)
        .flatMap(context -> bus.send(command, context))
        .map(
            r ->
                r instanceof Result.Ok<ChangeOwnPassword.Outcome> ok
                        && ok.value() instanceof ChangeOwnPassword.Outcome.WrongPassword
                    ? new LoginThrottle.Attempt(
                        Problems.of(
                            ErrorCode.VALIDATION_FAILED,
                            "The current password is wrong.",
                            http.path(),
                            Map.of("currentPassword", List.of("is wrong"))),
                        true)
                    : new LoginThrottle.Attempt(
                        Responses.from(r, http.path(), changed -> Response.noContent().build()),
                        false));
  }

  @GET
  @Path("users")
  @Operation(operationId = "listUsers", summary = "List accounts (admins)")
  @APIResponseSchema(
      value = UserPage.class,
      responseCode = "200",
      responseDescription = "A page of accounts; `Link` when more follow")
  @APIResponse(responseCode = "400", description = "limit is not a number, or a bad cursor")
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> list(
      @Parameter(description = "Accounts per page, 1 to 100")
          @QueryParam("limit")
          @DefaultValue("25")
          int limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    Optional<String> after = Cursors.decode(cursor);
    if (cursor != null && after.isEmpty()) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "The cursor is not valid.", http.path()));
    }
    return dispatch.page(
        new ListUsers(after, limit),
        http,
        uri,
        (users, next) -> new UserPage(users.stream().map(UserResponse::of).toList(), next));
  }

  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createUser", summary = "Create an account of any role (admins)")
  @APIResponseSchema(
      value = UserResponse.class,
      responseCode = "201",
      responseDescription = "The new account; Location names it")
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(responseCode = "409", description = "The e-mail address is taken")
  @APIResponse(responseCode = "422", description = "A field breaks a rule; `errors` names each")
  public Uni<Response> create(CreateUserRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    return dispatch.send(
        new CreateUser(body.email(), body.displayName(), body.password(), body.role()),
        http,
        u ->
            Response.created(URI.create("/api/v1/users/" + u.id()))
                .entity(UserResponse.of(u))
                .build());
  }

  @PATCH
  @Path("users/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateUser",
      summary =
          "Change an account's role or active flag (admins; ends its sessions), or restrict an"
              + " agent to the tickets of their groups")
  @APIResponseSchema(
      value = UserResponse.class,
      responseCode = "200",
      responseDescription = "The changed account")
  @APIResponse(responseCode = "400", description = "Not JSON, an unknown field or role")
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(responseCode = "404", description = "No such account")
  @APIResponse(responseCode = "409", description = "The account changed at the same time; retry")
  public Uni<Response> update(
      @Parameter(description = "The account's id") @PathParam("id") String id,
      UpdateUserRequest body,
      @Context HttpServerRequest http) {
    UpdateUserRequest patch = body == null ? new UpdateUserRequest(null, null, null) : body;
    return dispatch.ok(
        new UpdateUser(
            id,
            Optional.ofNullable(patch.role()),
            Optional.ofNullable(patch.active()),
            Optional.ofNullable(patch.restrictedToGroups())),
        http,
        u -> UserResponse.of(u));
  }

  @POST
  @Path("users/{id}/sessions/revoke")
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "revokeSessions", summary = "End every session of an account (admins)")
  @APIResponse(responseCode = "204", description = "Every session of the account is ended")
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(responseCode = "404", description = "No such account")
  public Uni<Response> revokeSessions(
      @Parameter(description = "The account's id") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return dispatch.noContent(new RevokeSessions(id), http);
  }
}
