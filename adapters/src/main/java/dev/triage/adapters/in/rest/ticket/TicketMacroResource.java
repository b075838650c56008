package dev.triage.adapters.in.rest.ticket;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.bus.Request;
import dev.triage.application.macro.ApplyMacro;
import dev.triage.application.macro.DryRunMacro;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applying a macro to a ticket (issue 19, point 3; ADR 28), or trying it out. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
public class TicketMacroResource {

  private final Dispatch dispatch;

  public TicketMacroResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Path("{id}/macros/{macroId}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "applyMacro",
      summary = "Apply a macro to a ticket (staff)",
      description =
          "Every action of the macro as one command: one transaction, one audit entry listing"
              + " every change, each action's own events (StatusChanged, TagAdded, CommentAdded,"
              + " ...). A refused action refuses the whole, nothing applied, and the problem names"
              + " it in errors (e.g. errors.status). With dryRun=true, the ticket the macro would"
              + " leave, nothing saved (no audit entry, no event, no comment).")
  @APIResponse(
      responseCode = "200",
      description = "The ticket as the macro left it (or would leave it: dryRun)",
      headers =
          @Header(
              name = "ETag",
              description = "The ticket's version",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = TicketResponse.class)))
  @APIResponse(
      responseCode = "403",
      description = "Customers; or an action the caller may not take")
  @APIResponse(
      responseCode = "404",
      description = "No such ticket (or not one the caller may see), or no macro the caller sees")
  @APIResponse(
      responseCode = "409",
      description =
          "An action the ticket refuses: a status the lifecycle does not allow, a locked field, an"
              + " assignee outside the ticket's group, a CLOSED ticket; errors names the action")
  @APIResponse(
      responseCode = "422",
      description =
          "An action names what no longer exists (a deleted group, an inactive category, a retired"
              + " field, an unknown or inactive user); errors names the action")
  public Uni<Response> apply(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Parameter(description = "The macro's id") @PathParam("macroId") String macroId,
      @Parameter(
              description = "true: answer the resulting ticket without saving anything",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("dryRun")
          String dryRun,
      @Parameter(description = TicketResource.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match")
          String ifMatch,
      @Context HttpServerRequest http) {
    if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
      return Uni.createFrom()
          .item(
              Problems.of(
                  ErrorCode.MALFORMED_REQUEST, "dryRun must be true or false.", http.path()));
    }
    boolean dry = "true".equals(dryRun);
    return dispatch.versioned(
        http,
        ifMatch,
        "the ticket's",
        version ->
            dry
                ? (Request<TicketView>) new DryRunMacro(id, macroId, version)
                : new ApplyMacro(id, macroId, version),
        view -> Response.ok(TicketResponse.of(view)).tag(etag(view)).build());
  }

  private static EntityTag etag(TicketView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
