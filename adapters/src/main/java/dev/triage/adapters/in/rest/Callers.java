package dev.triage.adapters.in.rest;

import dev.triage.application.bus.RequestContext;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the {@link RequestContext} of an HTTP request: who calls, the request id (an incoming
 * {@code X-Request-Id} when it is sane, a new one otherwise) and the client address.
 *
 * <p>Until accounts and tokens exist, every caller is one anonymous customer.
 */
@ApplicationScoped
public class Callers {

  static final Actor ANONYMOUS =
      Actor.of(UserId.of(UUID.fromString("00000000-0000-7000-8000-000000000001")), Role.CUSTOMER);

  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public RequestContext of(HttpServerRequest request) {
    String incoming = request.getHeader("X-Request-Id");
    String requestId =
        incoming != null && SANE_REQUEST_ID.matcher(incoming).matches()
            ? incoming
            : UUID.randomUUID().toString();
    String ip = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    return new RequestContext(ANONYMOUS, requestId, ip);
  }
}
