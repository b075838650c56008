package dev.triage.adapters.in.rest.identity;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.identity.IdentityBodies.ApiTokenResponse;
import dev.triage.adapters.in.rest.identity.IdentityBodies.CreateApiTokenRequest;
import dev.triage.application.identity.apitoken.CreateApiToken;
import dev.triage.application.identity.apitoken.ListApiTokens;
import dev.triage.application.identity.apitoken.RevokeApiToken;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API tokens for integrations (admins only). */
@Path("/api/v1/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description = "Admins only (or an API token with the admin scope)")
public class ApiTokenResource {

  private final Dispatch dispatch;

  public ApiTokenResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createApiToken",
      summary = "Create a token; its secret is in this answer only")
  @APIResponseSchema(
      value = ApiTokenResponse.class,
      responseCode = "201",
      responseDescription =
          "The token with its secret (`token`), shown this once; Location names it")
  @APIResponse(
      responseCode = "422",
      description =
          "No name, an unknown scope, or an expiry in the past or over "
              + CreateApiToken.MAX_LIFETIME_DAYS
              + " days ahead")
  public Uni<Response> create(CreateApiTokenRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Uni.createFrom()
          .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
    }
    return dispatch.send(
        new CreateApiToken(body.name(), body.scopes(), body.expiresAt()),
        http,
        t ->
            Response.created(URI.create("/api/v1/api-tokens/" + t.id()))
                .entity(ApiTokenResponse.of(t))
                .build());
  }

  @GET
  @Operation(operationId = "listApiTokens", summary = "List tokens (without secrets)")
  @APIResponse(
      responseCode = "200",
      description = "Every token, revoked ones included, without secrets",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = ApiTokenResponse.class)))
  public Uni<Response> list(@Context HttpServerRequest http) {
    return dispatch.ok(
        new ListApiTokens(), http, all -> all.stream().map(ApiTokenResponse::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "revokeApiToken", summary = "Revoke a token; it stops working at once")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "No such token")
  public Uni<Response> revoke(
      @Parameter(description = "The token's id") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return dispatch.noContent(new RevokeApiToken(id), http);
  }
}
