package dev.triage.application.bus;

import dev.triage.domain.user.Actor;
import java.util.Objects;

/**
 * Who sends a request and where it came from. Every command and query carries one, so handlers,
 * authorization and the audit trail always know the caller.
 */
public record RequestContext(Actor actor, String requestId, String clientIp) {
  public RequestContext {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
    clientIp = clientIp == null ? "" : clientIp;
  }
}
