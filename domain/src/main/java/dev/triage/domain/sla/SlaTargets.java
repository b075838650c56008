package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import java.time.Duration;
import java.util.Objects;

/** The two targets of one priority, in business time. */
public record SlaTargets(Duration firstResponse, Duration resolution) {

  public SlaTargets {
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
    if (firstResponse.isNegative() || resolution.isNegative()) {
      throw new IllegalArgumentException("SLA targets must not be negative");
    }
  }

  public Duration of(SlaClock clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case RESOLUTION -> resolution;
    };
  }
}
