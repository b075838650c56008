package dev.triage.adapters.in.rest.mail;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.application.mail.InboundMailView;
import dev.triage.application.mail.ListInboundMails;
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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/tickets/{id}/inbound-mails}: the original e-mails (as received, headers and
 * all) that opened a ticket or became its replies, for staff checking what a customer really sent.
 */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
@APIResponse(
    responseCode = "403",
    description = "The token lacks the tickets:read scope this needs")
public class TicketInboundMailResource {

  private final Dispatch dispatch;

  public TicketInboundMailResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  /** One inbound mail of a ticket. */
  @Schema(name = "InboundMail")
  public record InboundMailResponse(
      UUID id,
      @Schema(description = "The message's Message-ID header") String messageId,
      @Schema(enumeration = {"IMAP", "HTTP"}) String source,
      @Schema(nullable = true, description = "The From address") String sender,
      @Schema(nullable = true) String subject,
      @Schema(
              description = "What it became on this ticket",
              enumeration = {"TICKET", "REPLY", "FOLLOW_UP"})
          String outcome,
      @Schema(nullable = true) String reason,
      Instant receivedAt,
      @Schema(
              description =
                  "The message as received (RFC 5322, headers and body; bytes that are not UTF-8"
                      + " read as U+FFFD)")
          String raw) {
    static InboundMailResponse of(InboundMailView v) {
      return new InboundMailResponse(
          v.id(),
          v.messageId(),
          v.source(),
          v.sender(),
          v.subject(),
          v.outcome(),
          v.reason(),
          v.receivedAt(),
          v.raw());
    }
  }

  @GET
  @Path("{id}/inbound-mails")
  @Operation(
      operationId = "listTicketInboundMails",
      summary = "The original e-mails of a ticket (staff)",
      description =
          "Every e-mail that opened this ticket or was added to it as a reply (or opened it as a"
              + " follow-up), as received over IMAP or `POST /api/v1/inbound-mail`, oldest first,"
              + " at most 200. Staff only: for customers the ticket is not there (404).")
  @APIResponse(
      responseCode = "200",
      description = "The mails",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = InboundMailResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such ticket, not one the caller may see, or the caller is a customer")
  public Uni<Response> list(
      @Parameter(description = "The ticket's id or its number") @PathParam("id") String id,
      @Context HttpServerRequest http) {
    return dispatch.ok(
        new ListInboundMails(id), http, all -> all.stream().map(InboundMailResponse::of).toList());
  }
}
