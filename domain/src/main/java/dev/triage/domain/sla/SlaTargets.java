package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import java.time.Duration;
import java.util.Objects;

/**
 * The targets of one priority, in business time: first response, resolution and next reply (from a
 * requester's public reply to the next public staff reply).
 */
public record SlaTargets(Duration firstResponse, Duration resolution, Duration nextReply) {

  public SlaTargets {
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(nextReply, "nextReply");
    if (firstResponse.isNegative() || resolution.isNegative() || nextReply.isNegative()) {
      throw new IllegalArgumentException("SLA targets must not be negative");
    }
  }

  /**
   * Targets from before the next-reply clock existed: the next reply gets the first-response
   * target, the same promise ("a staff answer within ...") made again for each reply.
   */
  public SlaTargets(Duration firstResponse, Duration resolution) {
    this(firstResponse, resolution, firstResponse);
  }

  public Duration of(SlaClock clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case RESOLUTION -> resolution;
      case NEXT_REPLY -> nextReply;
    };
  }
}
