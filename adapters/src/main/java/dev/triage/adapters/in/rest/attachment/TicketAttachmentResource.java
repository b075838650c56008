package dev.triage.adapters.in.rest.attachment;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.attachment.AttachmentBodies.AttachmentItem;
import dev.triage.adapters.in.rest.attachment.AttachmentBodies.AttachmentList;
import dev.triage.adapters.in.rest.ticket.TicketResource;
import dev.triage.application.attachment.ListTicketAttachments;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/tickets/{id}/attachments}: every file of a ticket the caller may see. */
@Path("/api/v1/tickets")
@Tag(name = "Attachments")
@SecurityRequirement(name = "bearer")
@Authenticated
public class TicketAttachmentResource {

  private final Dispatch dispatch;

  public TicketAttachmentResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Path("{id}/attachments")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listTicketAttachments",
      summary = "List a ticket's files",
      description =
          "The files the ticket was opened with and those of its comments, oldest first, in"
              + " one page; files of internal notes only for those who see internal notes."
              + " Erased files (of redacted comments) are listed with erased=true.")
  @APIResponse(
      responseCode = "200",
      description = "The files",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentList.class)))
  @APIResponse(responseCode = "404", description = "No such ticket, or not one the caller may see")
  public Uni<Response> list(
      @Parameter(description = TicketResource.ID) @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return dispatch.ok(
        new ListTicketAttachments(id),
        http,
        files -> new AttachmentList(AttachmentItem.all(files)));
  }
}
