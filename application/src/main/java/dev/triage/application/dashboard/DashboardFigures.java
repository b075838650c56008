package dev.triage.application.dashboard;

import dev.triage.domain.ticket.Status;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every figure of the admin dashboard. Counts are of now; times and compliance are of the SLA
 * clocks that stopped inside the window {@code [from, to)}. Times are business seconds of the SLA
 * calendar; under the default 24x7 calendar they equal wall-clock seconds.
 *
 * @param byStatus tickets per status (every status present, zero when none)
 * @param overdue tickets whose running clock is past its due date now
 * @param escalatedOpen tickets not yet resolved or closed that were escalated at least once
 * @param escalatedInWindow tickets whose last escalation falls in the window
 * @param firstResponse first public staff replies in the window: time from creation
 * @param resolution resolutions in the window: time the resolution clock counted
 * @param firstResponseCompliance first-response clocks stopped in the window, and how many in time
 * @param resolutionCompliance resolution clocks stopped in the window, and how many in time
 */
public record DashboardFigures(
    Instant at,
    Instant from,
    Instant to,
    Map<Status, Long> byStatus,
    long overdue,
    long escalatedOpen,
    long escalatedInWindow,
    Durations firstResponse,
    Durations resolution,
    Compliance firstResponseCompliance,
    Compliance resolutionCompliance,
    List<AgentFigures> agents) {

  public DashboardFigures {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    EnumMap<Status, Long> all = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      all.put(s, byStatus.getOrDefault(s, 0L));
    }
    byStatus = Collections.unmodifiableMap(all);
    agents = List.copyOf(agents);
  }

  /** Both clocks together: the share of clocks stopped in the window that stopped in time. */
  public Compliance compliance() {
    return firstResponseCompliance.plus(resolutionCompliance);
  }

  /** How long something took: how many, the mean and the 90th percentile, in seconds. */
  public record Durations(
      long count, Optional<Double> averageSeconds, Optional<Double> p90Seconds) {
    public Durations {
      Objects.requireNonNull(averageSeconds, "averageSeconds");
      Objects.requireNonNull(p90Seconds, "p90Seconds");
    }
  }

  /** Clocks stopped and how many of them before their due date. */
  public record Compliance(long stopped, long met) {

    public Compliance plus(Compliance other) {
      return new Compliance(stopped + other.stopped, met + other.met);
    }

    /** {@code met / stopped}, empty when no clock stopped. */
    public Optional<Double> share() {
      return stopped == 0 ? Optional.empty() : Optional.of((double) met / stopped);
    }
  }

  /**
   * One agent's figures, by the tickets assigned to them: open ones now, and of those whose clocks
   * stopped in the window, resolutions, mean first response and compliance.
   */
  public record AgentFigures(
      UUID agentId,
      Optional<String> displayName,
      long openAssigned,
      long resolvedInWindow,
      Optional<Double> averageFirstResponseSeconds,
      Compliance compliance) {
    public AgentFigures {
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(displayName, "displayName");
      Objects.requireNonNull(averageFirstResponseSeconds, "averageFirstResponseSeconds");
      Objects.requireNonNull(compliance, "compliance");
    }
  }
}
