package dev.triage.adapters.in.rest.attachment;

import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.Responses;
import dev.triage.application.attachment.AttachmentLimits;
import dev.triage.application.attachment.AttachmentView;
import dev.triage.application.attachment.FileTypes;
import dev.triage.application.attachment.UploadAttachment;
import dev.triage.application.bus.AuthorizationDecorator;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.AttachmentStore;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/uploads} (issue 19, point 1; ADR 29): one file as the raw body, streamed into
 * the attachment store as it arrives. Its declared type must be on the allow-list and agree with
 * its first bytes (415 otherwise); past the size limit it is cut off while streaming (413). The
 * answer's token is what a comment or a new ticket names to attach it.
 */
@Path("/api/v1/uploads")
@Tag(
    name = "Attachments",
    description =
        "Files on comments and tickets: upload one, attach it by its token, download it as its"
            + " comment is seen")
@SecurityRequirement(name = "bearer")
@Authenticated
public class UploadResource {

  /** Bodies cut off at the limit are read this much further, then the connection closes. */
  static final long DRAINED = 4L * 1024 * 1024;

  private static final Duration WAIT = Duration.ofMinutes(1);

  /** What an upload answers: its token, and the file as it was stored. */
  @Schema(name = "Upload", description = "An upload, not yet attached to anything")
  public record UploadResponse(
      @Schema(
              required = true,
              description =
                  "Name it in a comment's or a new ticket's `attachments` to attach the file;"
                      + " unattached uploads are deleted after 24 hours")
          UUID token,
      @Schema(required = true) String fileName,
      @Schema(required = true, description = "Bytes") long size,
      @Schema(required = true, examples = "image/png") String contentType) {

    static UploadResponse of(AttachmentView v) {
      return new UploadResponse(v.id(), v.fileName(), v.size(), v.contentType());
    }
  }

  private final Bus bus;
  private final Callers callers;
  private final AttachmentStore store;
  private final AttachmentLimits limits;
  private final Clock clock;
  private final SecureRandom random;

  public UploadResource(
      Bus bus,
      Callers callers,
      AttachmentStore store,
      AttachmentLimits limits,
      Clock clock,
      SecureRandom random) {
    this.bus = bus;
    this.callers = callers;
    this.store = store;
    this.limits = limits;
    this.clock = clock;
    this.random = random;
  }

  @POST
  @Blocking
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "uploadFile",
      summary = "Upload a file to attach",
      description =
          "The file is the raw request body (not multipart), its type the Content-Type header,"
              + " its name the filename query parameter. The type must be on the allow-list"
              + " (TRIAGE_ATTACHMENTS_ALLOWED_TYPES; by default PNG, JPEG, GIF, WebP, PDF, ZIP,"
              + " plain text, CSV and JSON) and agree with the file's first bytes and its name's"
              + " extension; programs are never accepted. A file over the size limit"
              + " (TRIAGE_ATTACHMENTS_MAX_SIZE, 20 MB by default) is cut off while it streams."
              + " Attach the answer's token by naming it in a comment's or a new ticket's"
              + " `attachments`; until then only the uploader may download it, and after 24"
              + " hours unattached it is deleted.")
  @RequestBody(
      required = true,
      description = "The file's bytes",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "201",
      description = "Stored; Location names its download",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UploadResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "The body could not be read to its end",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(responseCode = "403", description = "An API token needs the tickets:write scope")
  @APIResponse(
      responseCode = "413",
      description = "The file is over the size limit (cut off while it streamed)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "415",
      description =
          "The type is not allowed, or the file's first bytes or name say it is something else",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "422",
      description = "filename is missing, too long, or holds a path or control characters",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response upload(
      @Parameter(
              required = true,
              description =
                  "The file's name, 1 to 255 characters, no path; downloads offer it as the name"
                      + " to save under",
              example = "screenshot.png")
          @QueryParam("filename")
          String filename,
      @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
      InputStream body,
      @Context HttpServerRequest http) {
    String path = http.path();
    RequestContext context = callers.of(http).await().atMost(WAIT);
    Result<Void> access = AuthorizationDecorator.decide(UploadAttachment.probe(), context);
    if (access instanceof Result.Err<Void> err) {
      return Problems.of(err, path);
    }
    Optional<String> name = fileName(filename);
    if (name.isEmpty()) {
      return Problems.of(
          ErrorCode.VALIDATION_FAILED,
          "The request has invalid fields.",
          path,
          Map.of(
              "filename",
              List.of("is required: 1 to 255 characters, without a path or control characters")));
    }
    Optional<String> type = FileTypes.mediaType(contentType);
    if (type.isEmpty() || !limits.allows(type.get())) {
      return Problems.of(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Files of type "
              + type.orElse("(none)")
              + " are not accepted; allowed: "
              + String.join(", ", limits.allowedTypes().stream().sorted().toList())
              + ".",
          path);
    }
    UUID id = Uuids.v7(clock.instant(), random);
    try {
      byte[] head =
          (body == null ? InputStream.nullInputStream() : body).readNBytes(FileTypes.HEAD);
      Optional<String> refusal = FileTypes.refusal(type.get(), name.get(), head, head.length);
      if (refusal.isPresent()) {
        return Problems.of(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file is refused: " + refusal.get() + ".", path);
      }
      CheckedBody checked =
          new CheckedBody(
              new SequenceInputStream(
                  new ByteArrayInputStream(head),
                  body == null ? InputStream.nullInputStream() : body),
              limits.maxBytes());
      long size = store.write(id, checked);
      Response answer =
          send(
              new UploadAttachment(id, name.get(), type.get(), size, checked.sha256()),
              context,
              path);
      if (answer.getStatus() != 201) {
        store.remove(id);
      }
      return answer;
    } catch (CheckedBody.TooLarge e) {
      drain(body);
      Response tooLarge =
          Problems.of(
              ErrorCode.PAYLOAD_TOO_LARGE,
              "A file may be at most " + size(limits.maxBytes()) + ".",
              path);
      // HTTP/1: the rest of the body is not read, so the connection cannot serve another request.
      return http.version() == HttpVersion.HTTP_2
          ? tooLarge
          : Response.fromResponse(tooLarge).header("Connection", "close").build();
    } catch (IOException e) {
      return Problems.of(
          ErrorCode.MALFORMED_REQUEST, "The body could not be read to its end.", path);
    } catch (AttachmentStore.Unavailable e) {
      drain(body);
      Response unavailable =
          Problems.of(
              ErrorCode.SERVICE_UNAVAILABLE,
              "The service cannot reach its attachment store right now; nothing was stored. Retry"
                  + " shortly.",
              path);
      return http.version() == HttpVersion.HTTP_2
          ? unavailable
          : Response.fromResponse(unavailable).header("Connection", "close").build();
    }
  }

  private Response send(UploadAttachment command, RequestContext context, String path) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () ->
              bus.send(command, context)
                  .map(
                      result ->
                          Responses.from(
                              result,
                              path,
                              v ->
                                  Response.created(URI.create("/api/v1/attachments/" + v.id()))
                                      .entity(UploadResponse.of(v))
                                      .build())));
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Reads and drops what is left of a body cut off, up to {@link #DRAINED} bytes. */
  private static void drain(InputStream body) {
    if (body == null) {
      return;
    }
    byte[] dropped = new byte[64 * 1024];
    long left = DRAINED;
    try {
      int n;
      while (left > 0 && (n = body.read(dropped, 0, (int) Math.min(dropped.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // The connection closes after the answer anyway.
    }
  }

  /** The name to keep: stripped, 1 to 255 characters, no path, no control characters. */
  static Optional<String> fileName(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = raw.strip();
    if (name.isEmpty()
        || name.codePointCount(0, name.length()) > 255
        || name.equals(".")
        || name.equals("..")
        || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0
        || name.codePoints()
            .anyMatch(
                c ->
                    Character.isISOControl(c)
                        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** A limit as people read it: 20 MB, 512 KB. */
  static String size(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB"
        : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
  }
}
