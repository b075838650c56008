package dev.triage.application.bus;

/**
 * Who may send a request at all. Finer rules (whose ticket, which transition) are the domain's,
 * checked by the handler on the aggregate.
 */
public enum Access {
  /** Anyone, signed in or not (register, login, refresh). */
  PUBLIC,
  /** Any signed-in caller, whatever its scopes (the caller's own account, logging out). */
  SIGNED_IN,
  /** Any signed-in caller holding the scope of the request's kind (read or write tickets). */
  AUTHENTICATED,
  /** Agents and admins. */
  STAFF,
  /** Admins, or API tokens with the {@code admin} scope. */
  ADMIN
}
