package dev.triage.application.bus;

/** Something the bus can run; {@code R} is the type of its successful answer. */
public sealed interface Request<R> permits Command, Query {

  /** Who may send this request; every request declares it (signed-in callers by default). */
  default Access requiredAccess() {
    return Access.AUTHENTICATED;
  }
}
