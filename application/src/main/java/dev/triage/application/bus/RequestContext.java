package dev.triage.application.bus;

import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sends a request and where it came from. Every command and query carries one, so handlers,
 * authorization and the audit trail always know the caller. An anonymous context may only send
 * {@link Access#PUBLIC} requests: the authorization decorator refuses the rest.
 */
public record RequestContext(Optional<Caller> caller, String requestId, String clientIp) {
  public RequestContext {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(requestId, "requestId");
    clientIp = clientIp == null ? "" : clientIp;
  }

  public static RequestContext of(Caller caller, String requestId, String clientIp) {
    return new RequestContext(Optional.of(caller), requestId, clientIp);
  }

  public static RequestContext anonymous(String requestId, String clientIp) {
    return new RequestContext(Optional.empty(), requestId, clientIp);
  }

  /** The acting user; only for requests that are not public, which always have one. */
  public Actor actor() {
    return caller
        .map(Caller::actor)
        .orElseThrow(() -> new IllegalStateException("an anonymous request has no actor"));
  }
}
