package dev.triage.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} is over {@code
 * quarkus.http.limits.max-body-size} with a 413 problem+json, before the HTTP layer's own check
 * (which answers 413 with no body at all). As there, the connection is closed after the answer; a
 * body of up to {@link #DRAINED} bytes is first read and dropped, larger ones are cut off.
 */
@ApplicationScoped
public class BodyLimit {

  /** Bodies refused up to this size are read to their end before the connection closes. */
  static final long DRAINED = 4L * 1024 * 1024;

  /** The one path whose body is a file, not JSON: {@code POST /api/v1/uploads}. */
  public static final String UPLOADS = "/api/v1/uploads";

  /** Right after {@link RequestIds}, so the refusal carries the request id. */
  public static final int PRIORITY = RequestIds.PRIORITY - 1;

  private final Optional<MemorySize> limit;
  private final ObjectMapper json;

  public BodyLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
      ObjectMapper json) {
    this.limit = limit;
    this.json = json;
  }

  void register(@Observes Filters filters) {
    if (limit.isPresent()) {
      filters.register(this::check, PRIORITY);
    }
  }

  void check(RoutingContext routing) {
    if (UPLOADS.equals(routing.request().path())) {
      // Uploads have a limit of their own, applied while they stream (ADR 29).
      routing.next();
      return;
    }
    String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long max = limit.get().asLongValue();
    long declared = length == null ? -1 : declared(length);
    if (declared > max) {
      refuse(routing, max, declared);
      return;
    }
    routing.next();
  }

  private static long declared(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void refuse(RoutingContext routing, long max, long declared) {
    HttpServerRequest request = routing.request();
    Response problem =
        Problems.of(
            ErrorCode.PAYLOAD_TOO_LARGE,
            "The body is larger than " + max / 1024 + " KB.",
            request.path());
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem.getEntity());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    HttpServerResponse response =
        routing
            .response()
            .setStatusCode(problem.getStatus())
            .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONNECTION, "close");
    if (declared <= DRAINED && !request.isEnded()) {
      // Many clients send the whole body before they read: the body is read and dropped, then the
      // connection closes, so they get this answer rather than a reset connection.
      request.handler(dropped -> {});
      request.endHandler(ended -> request.connection().close());
      request.resume();
      response.end(Buffer.buffer(body));
    } else {
      response.endHandler(ended -> request.connection().close()).end(Buffer.buffer(body));
    }
  }
}
