package dev.triage.adapters.in.rest.attachment;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.attachment.FindAttachment;
import dev.triage.application.attachment.StoredAttachment;
import dev.triage.application.bus.Bus;
import dev.triage.application.port.AttachmentStore;
import dev.triage.domain.shared.Result;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/attachments/{id}}: a file streamed from the attachment store a piece at a
 * time, as a download ({@code Content-Disposition: attachment}, {@code nosniff}) with its SHA-256
 * as a strong ETag. Seen as its comment is seen (ADR 29).
 */
@Path("/api/v1/attachments")
@Tag(name = "Attachments")
@SecurityRequirement(name = "bearer")
@Authenticated
public class AttachmentResource {

  private final Bus bus;
  private final Callers callers;
  private final AttachmentStore store;

  public AttachmentResource(Bus bus, Callers callers, AttachmentStore store) {
    this.bus = bus;
    this.callers = callers;
    this.store = store;
  }

  @GET
  @Path("{id}")
  @Blocking
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "downloadAttachment",
      summary = "Download a file",
      description =
          "Streams the file as it was uploaded, always as a download (Content-Disposition:"
              + " attachment, X-Content-Type-Options: nosniff). The ETag is the file's SHA-256;"
              + " If-None-Match with it answers 304. A file is seen as its comment is: one of an"
              + " internal note is 404 to customers, an unattached upload is 404 to all but its"
              + " uploader.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      headers = {
        @Header(
            name = "ETag",
            description = "The file's SHA-256, a strong validator",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Content-Disposition",
            description = "attachment, with the file's name",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "304", description = "If-None-Match named this file's ETag")
  @APIResponse(
      responseCode = "404",
      description = "No such file, or one the caller may not see",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "410",
      description = "Its comment was redacted: the bytes are erased (the file is still listed)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response download(
      @Parameter(description = "The attachment's id") @PathParam("id") String id,
      @Parameter(hidden = true) @HeaderParam("If-None-Match") String ifNoneMatch,
      @Context HttpServerRequest http) {
    String path = http.path();
    Result<StoredAttachment> found;
    try {
      var context = callers.of(http).await().indefinitely();
      found =
          VertxContextSupport.subscribeAndAwait(() -> bus.send(new FindAttachment(id), context));
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    if (found instanceof Result.Err<StoredAttachment> err) {
      return Problems.of(err, path);
    }
    StoredAttachment file = ((Result.Ok<StoredAttachment>) found).value();
    if (file.erasedAt().isPresent()) {
      return Problems.ofStatus(
          410,
          "GONE",
          "Gone",
          "The file was erased when its comment was redacted; its name and size remain.",
          path);
    }
    EntityTag etag = new EntityTag(file.sha256());
    if (ifNoneMatch != null
        && Arrays.stream(ifNoneMatch.split(","))
            .map(String::strip)
            .anyMatch(t -> t.equals("*") || t.equals(etag.toString()))) {
      return Response.notModified(etag).build();
    }
    // Opened before the answer starts: a store out of reach is a 503, not a cut-off 200.
    InputStream opened;
    try {
      opened = store.read(file.bytesId());
    } catch (IOException e) {
      throw new AttachmentStore.Unavailable("the attachment store could not open the file", e);
    }
    StreamingOutput bytes =
        out -> {
          try (InputStream in = opened) {
            in.transferTo(out);
          }
        };
    return Response.ok(bytes, file.contentType())
        .tag(etag)
        .header("Content-Length", file.size())
        .header("Content-Disposition", disposition(file.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-cache")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .build();
  }

  /** {@code attachment} with the name in ASCII (others as _) and, exactly, in RFC 5987 form. */
  static String disposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%'
                        ? (char) c
                        : '_'));
    String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
  }
}
