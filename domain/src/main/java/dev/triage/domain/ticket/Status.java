package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import java.util.Locale;

/** Where a ticket is in its lifecycle; see {@link Lifecycle} for who may move it where. */
public enum Status {
  OPEN,
  IN_PROGRESS,
  PENDING_CUSTOMER,
  RESOLVED,
  CLOSED;

  /** CLOSED is final: nothing moves a ticket out of it. */
  public boolean isFinal() {
    return this == CLOSED;
  }

  /** In the open backlog: neither resolved nor closed (every clock may still run). */
  public boolean isOpen() {
    return this == OPEN || this == IN_PROGRESS || this == PENDING_CUSTOMER;
  }

  /** Reads a status name (case-insensitive); a rejection names the field {@code status}. */
  public static Result<Status> parse(String text) {
    if (text != null) {
      for (Status s : values()) {
        if (s.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
          return Result.ok(s);
        }
      }
    }
    return Result.invalid(
        "status", "must be one of OPEN, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED");
  }
}
