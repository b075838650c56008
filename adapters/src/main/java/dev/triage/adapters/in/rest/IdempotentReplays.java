package dev.triage.adapters.in.rest;

import dev.triage.application.bus.RequestContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks the answer to a replayed idempotent command with {@code Idempotent-Replayed: true}. The
 * endpoint maps the replayed value exactly as it mapped the first answer, so status, {@code
 * Location}, {@code ETag} and body are the same; this header is the one difference. {@link Callers}
 * leaves each request's {@link RequestContext} on the Vert.x routing context for it.
 */
@ApplicationScoped
public class IdempotentReplays {

  public static final String HEADER = "Idempotent-Replayed";
  static final String CONTEXT_KEY = RequestContext.class.getName();

  private final CurrentVertxRequest current;

  public IdempotentReplays(CurrentVertxRequest current) {
    this.current = current;
  }

  /** The routing context of the request being served, to {@link #remember} a context on. */
  RoutingContext routing() {
    return current.getCurrent();
  }

  /** Keeps {@code context} with the HTTP request it belongs to; answers it. */
  static RequestContext remember(RoutingContext routing, RequestContext context) {
    if (routing != null) {
      routing.put(CONTEXT_KEY, context);
    }
    return context;
  }

  @ServerResponseFilter
  public void mark(ContainerResponseContext response) {
    RoutingContext routing = current.getCurrent();
    if (routing != null
        && routing.get(CONTEXT_KEY) instanceof RequestContext context
        && context.effects().replayed()) {
      response.getHeaders().putSingle(HEADER, "true");
    }
  }
}
