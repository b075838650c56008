package dev.triage.domain.ticket;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable parts of the ticket rules. {@link #defaults()} is what DOMAIN.md describes: the
 * requester may accept a resolution, and authors may redact their comments for 15 minutes.
 */
public record TicketRules(boolean requesterMayAcceptResolution, Duration redactionWindow) {

  private static final TicketRules DEFAULTS = new TicketRules(true, Duration.ofMinutes(15));

  public TicketRules {
    Objects.requireNonNull(redactionWindow, "redactionWindow");
    if (redactionWindow.isNegative()) {
      throw new IllegalArgumentException("redactionWindow must not be negative");
    }
  }

  public static TicketRules defaults() {
    return DEFAULTS;
  }

  public TicketRules withRequesterMayAcceptResolution(boolean allowed) {
    return new TicketRules(allowed, redactionWindow);
  }
}
