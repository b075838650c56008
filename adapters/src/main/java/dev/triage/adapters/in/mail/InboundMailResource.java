package dev.triage.adapters.in.mail;

import dev.triage.adapters.in.rest.Problems;
import dev.triage.domain.shared.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/inbound-mail}: one RFC 5322 message pushed by a mail provider, authenticated
 * with {@code Authorization: Bearer <TRIAGE_MAIL_INBOUND_SECRET>} (compared in constant time;
 * without a secret configured nothing is accepted). 202 once accepted, whatever it becomes.
 */
@Path("/api/v1/inbound-mail")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
public class InboundMailResource {

  static final String MEDIA_TYPE = "message/rfc822";

  private final InboundMail inbound;
  private final byte[] secret;

  public InboundMailResource(
      InboundMail inbound,
      @ConfigProperty(name = "triage.mail.inbound.secret") Optional<String> secret) {
    this.inbound = inbound;
    this.secret =
        secret
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElse(null);
  }

  @POST
  @PermitAll
  @Consumes(MEDIA_TYPE)
  @Operation(
      operationId = "receiveInboundMail",
      summary = "Hand over one inbound e-mail (mail providers)",
      description =
          "The raw message as the body. It becomes a ticket for its sender, or a public reply on"
              + " the ticket it answers (by its References / In-Reply-To, a plus-tagged reply"
              + " address or the ticket number in the subject); auto-replies, bounces, bulk mail"
              + " and Triage's own mail are recorded and ignored; the same Message-ID twice counts"
              + " once. Authenticated with `Authorization: Bearer <TRIAGE_MAIL_INBOUND_SECRET>`,"
              + " not a user's token.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MEDIA_TYPE,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "202", description = "Accepted, whatever it becomes")
  @APIResponse(
      responseCode = "401",
      description = "No inbound secret is configured, or the bearer is not it")
  public Uni<Response> receive(
      @HeaderParam("Authorization") String authorization,
      byte[] body,
      @Context HttpServerRequest http) {
    if (!authorized(authorization)) {
      return Uni.createFrom()
          .item(
              Problems.of(
                  ErrorCode.UNAUTHENTICATED,
                  "Send the inbound mail secret as the bearer.",
                  http.path()));
    }
    byte[] raw = body == null ? new byte[0] : body;
    return inbound.receive(raw, "HTTP").map(outcome -> Response.accepted().build());
  }

  private boolean authorized(String authorization) {
    if (secret == null || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, secret);
  }
}
