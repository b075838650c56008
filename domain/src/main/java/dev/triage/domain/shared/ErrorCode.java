package dev.triage.domain.shared;

/**
 * Every way a request can be refused, named once. The HTTP mapping lives in exactly one class of
 * the REST adapter; the domain only names the reason.
 */
public enum ErrorCode {
  /** The body or a parameter could not be read at all (broken JSON, wrong type). */
  MALFORMED_REQUEST,
  /** Values were read but break a rule on their shape (length, range, required). */
  VALIDATION_FAILED,
  /** No such resource, or one the caller may not see. */
  NOT_FOUND,
  /** The caller is known but may not do this. */
  FORBIDDEN,
  /** No valid credentials. */
  UNAUTHENTICATED,
  /** The lifecycle does not allow this move from the current status. */
  INVALID_TRANSITION,
  /** The request conflicts with the current state (for example, nothing higher to escalate to). */
  CONFLICT,
  /** The command would change a field an admin has locked on this ticket. */
  FIELD_LOCKED,
  /** The caller's version (If-Match) is not the current one. */
  VERSION_MISMATCH,
  /** An idempotency key was reused with a different body. */
  IDEMPOTENCY_KEY_REUSED,
  /** A request with the same idempotency key is still running. */
  IDEMPOTENCY_IN_FLIGHT,
  /** Too many requests in the current window. */
  RATE_LIMITED,
  /** The body is larger than allowed. */
  PAYLOAD_TOO_LARGE,
  /** The body has a media type the endpoint does not read. */
  UNSUPPORTED_MEDIA_TYPE,
  /** A dependency (the database) is unavailable; retrying later may succeed. */
  SERVICE_UNAVAILABLE,
  /** A fault on our side; the answer never says more than that. */
  INTERNAL
}
