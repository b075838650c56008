package dev.triage.application.bus;

import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sends a request, where it came from, and what it did. Every command and query carries one, so
 * handlers, authorization, idempotency and the audit trail always know the caller. An anonymous
 * context may only send {@link Access#PUBLIC} requests: the authorization decorator refuses the
 * rest.
 *
 * @param operation what was asked, e.g. {@code POST /api/v1/tickets}: part of the idempotency scope
 * @param idempotencyKey the client's {@code Idempotency-Key}, when it sent one
 * @param effects what the handler changed, for the audit decorator; one per request
 */
public record RequestContext(
    Optional<Caller> caller,
    String requestId,
    String clientIp,
    String operation,
    Optional<String> idempotencyKey,
    Effects effects) {

  public RequestContext {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(requestId, "requestId");
    clientIp = clientIp == null ? "" : clientIp;
    operation = operation == null ? "" : operation;
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(effects, "effects");
  }

  /** A context for work that is not an HTTP request (start-up, jobs, tests). */
  public static RequestContext of(Caller caller, String requestId, String clientIp) {
    return new RequestContext(
        Optional.of(caller), requestId, clientIp, "", Optional.empty(), new Effects());
  }

  public static RequestContext anonymous(String requestId, String clientIp) {
    return new RequestContext(
        Optional.empty(), requestId, clientIp, "", Optional.empty(), new Effects());
  }

  /** The same request, described as the HTTP operation it came in as. */
  public RequestContext withOperation(String operation, Optional<String> idempotencyKey) {
    return new RequestContext(caller, requestId, clientIp, operation, idempotencyKey, effects);
  }

  /** The acting user; only for requests that are not public, which always have one. */
  public Actor actor() {
    return caller
        .map(Caller::actor)
        .orElseThrow(() -> new IllegalStateException("an anonymous request has no actor"));
  }
}
