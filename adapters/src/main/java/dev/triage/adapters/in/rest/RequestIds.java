package dev.triage.adapters.in.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request one id before anything else runs, so logs, the bus and the client all
 * speak of the same request. A sane incoming {@code X-Request-Id} is kept, anything else (missing,
 * too long, odd characters) is replaced by a new UUID. The id is then
 *
 * <ul>
 *   <li>in the logging MDC under {@code requestId}, so every log line of the request carries it
 *       (Quarkus keeps the MDC per request, on its Vert.x context);
 *   <li>written back onto the request's {@code X-Request-Id}, which {@link Callers} reads into the
 *       bus's {@code RequestContext}: the two never disagree;
 *   <li>on every response as {@code X-Request-Id}, errors included.
 * </ul>
 */
@ApplicationScoped
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** Runs before the other route filters (CORS, security, the REST layer). */
  static final int PRIORITY = 10_000;

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  void register(@Observes Filters filters) {
    filters.register(this::assign, PRIORITY);
  }

  void assign(RoutingContext routing) {
    HttpServerRequest request = routing.request();
    String id = choose(request.getHeader(HEADER));
    request.headers().set(HEADER, id);
    MDC.put(MDC_KEY, id);
    HttpServerResponse response = routing.response();
    response.headers().set(HEADER, id);
    // Whatever a later handler did to the headers, the id goes out with them.
    routing.addHeadersEndHandler(ignored -> response.headers().set(HEADER, id));
    routing.next();
  }

  /** The incoming id when it is sane, a new random one otherwise. */
  public static String choose(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches()
        ? incoming
        : UUID.randomUUID().toString();
  }
}
