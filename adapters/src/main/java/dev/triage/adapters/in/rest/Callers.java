package dev.triage.adapters.in.rest;

import dev.triage.adapters.in.rest.security.BearerIdentityProvider;
import dev.triage.application.bus.Effects;
import dev.triage.application.bus.RequestContext;
import dev.triage.domain.user.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@link RequestContext} of an HTTP request: who calls (from the bearer token), the
 * request id (an incoming {@code X-Request-Id} when it is sane, a new one otherwise) and the client
 * address.
 */
@ApplicationScoped
public class Callers {

  private final CurrentIdentityAssociation identities;
  private final ClientAddresses addresses;
  private final IdempotentReplays replays;

  public Callers(
      CurrentIdentityAssociation identities, ClientAddresses addresses, IdempotentReplays replays) {
    this.identities = identities;
    this.addresses = addresses;
    this.replays = replays;
  }

  public Uni<RequestContext> of(HttpServerRequest request) {
    String requestId = requestId(request);
    String ip = addresses.of(request);
    RoutingContext routing = replays.routing();
    return identities
        .getDeferredIdentity()
        .map(
            identity ->
                IdempotentReplays.remember(
                    routing,
                    new RequestContext(
                        caller(identity),
                        requestId,
                        ip,
                        request.method().name() + " " + request.path(),
                        idempotencyKey(request),
                        new Effects())));
  }

  /** For public endpoints: no identity is looked at, so a stale token cannot block a login. */
  public RequestContext anonymous(HttpServerRequest request) {
    return IdempotentReplays.remember(
        replays.routing(),
        RequestContext.anonymous(requestId(request), addresses.of(request))
            .withOperation(
                request.method().name() + " " + request.path(), idempotencyKey(request)));
  }

  private static Optional<Caller> caller(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.getAttribute(BearerIdentityProvider.CALLER));
  }

  /** {@code Idempotency-Key}, or its alias {@code X-Idempotency-Key}. */
  private static Optional<String> idempotencyKey(HttpServerRequest request) {
    String key = request.getHeader("Idempotency-Key");
    if (key == null) {
      key = request.getHeader("X-Idempotency-Key");
    }
    return key == null || key.isBlank() ? Optional.empty() : Optional.of(key.strip());
  }

  private static String requestId(HttpServerRequest request) {
    String incoming = request.getHeader("X-Request-Id");
    return incoming != null && sane(incoming) ? incoming : UUID.randomUUID().toString();
  }

  /** 1 to 128 of {@code A-Z a-z 0-9 . _ : -}: safe to echo and to log. */
  static boolean sane(String requestId) {
    int n = requestId.length();
    if (n < 1 || n > 128) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = requestId.charAt(i);
      if (!(c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '.'
          || c == '_'
          || c == ':'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
