package dev.triage.adapters.in.rest.attachment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.in.rest.BodyLimit;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.attachment.AttachmentLimits;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;

/**
 * Lets an upload's body past the HTTP layer's JSON-sized limit ({@code
 * quarkus.http.limits.max-body-size}), to be cut off at the attachment limit while it streams
 * ({@link UploadResource}). A declared {@code Content-Length} over the attachment limit is refused
 * at once (413 problem+json). Otherwise the declared length is hidden from the HTTP layer's check
 * and given back after it, and the byte limit it leaves on the request is lifted: the resource
 * counts the bytes itself.
 */
@ApplicationScoped
public class UploadBodies {

  /** The key under which Quarkus leaves the body limit for a request without a length. */
  static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

  private static final String LENGTH = UploadBodies.class.getName() + ".length";

  private final AttachmentLimits limits;
  private final ObjectMapper json;

  public UploadBodies(AttachmentLimits limits, ObjectMapper json) {
    this.limits = limits;
    this.json = json;
  }

  void register(@Observes Filters filters) {
    // Before the HTTP layer's own limit (route order -2) and after the body limit filter, which
    // leaves uploads alone.
    filters.register(this::before, BodyLimit.PRIORITY - 1);
    // After the HTTP layer's limit.
    filters.register(this::after, 1);
  }

  private static boolean upload(HttpServerRequest request) {
    return BodyLimit.UPLOADS.equals(request.path());
  }

  void before(RoutingContext routing) {
    HttpServerRequest request = routing.request();
    if (!upload(request)) {
      routing.next();
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        declared = -1;
      }
      if (declared > limits.maxBytes()) {
        refuse(routing);
        return;
      }
      routing.put(LENGTH, length);
      request.headers().remove(HttpHeaders.CONTENT_LENGTH);
    }
    routing.next();
  }

  void after(RoutingContext routing) {
    HttpServerRequest request = routing.request();
    if (upload(request)) {
      routing.remove(MAX_REQUEST_SIZE);
      String length = routing.get(LENGTH);
      if (length != null) {
        request.headers().set(HttpHeaders.CONTENT_LENGTH, length);
      }
    }
    routing.next();
  }

  private void refuse(RoutingContext routing) {
    HttpServerRequest request = routing.request();
    Response problem =
        Problems.of(
            ErrorCode.PAYLOAD_TOO_LARGE,
            "A file may be at most " + UploadResource.size(limits.maxBytes()) + ".",
            request.path());
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem.getEntity());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    routing
        .response()
        .setStatusCode(problem.getStatus())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .endHandler(ended -> request.connection().close())
        .end(Buffer.buffer(body));
  }
}
