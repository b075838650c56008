package dev.triage.adapters.in.rest.dashboard;

import dev.triage.application.dashboard.DashboardFigures;
import dev.triage.application.dashboard.DashboardFigures.AgentFigures;
import dev.triage.application.dashboard.DashboardFigures.Compliance;
import dev.triage.application.dashboard.DashboardFigures.Durations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The dashboard as JSON. Durations are in seconds of business time (wall-clock seconds under the
 * default 24x7 calendar); shares are fractions from 0 to 1, null when nothing was measured.
 */
@Schema(name = "Dashboard")
public record DashboardResponse(
    @Schema(description = "When the figures were read") Instant at,
    @Schema(description = "Start of the window (inclusive)") Instant from,
    @Schema(description = "End of the window (exclusive)") Instant to,
    @Schema(description = "Tickets per status, now") Map<String, Long> countsByStatus,
    @Schema(description = "Tickets whose running SLA clock is past its due date, now") long overdue,
    @Schema(description = "Escalated tickets not yet resolved or closed, now") long escalatedOpen,
    @Schema(description = "Tickets escalated in the window (by their last escalation)")
        long escalatedInWindow,
    @Schema(description = "First public staff replies in the window") Times firstResponse,
    @Schema(description = "Resolutions in the window (time the resolution clock counted)")
        Times resolution,
    @Schema(description = "SLA clocks stopped in the window and how many before their due date")
        SlaCompliance slaCompliance,
    List<Agent> agents) {

  /** How long: how many, mean and 90th percentile in seconds. */
  @Schema(name = "DashboardTimes")
  public record Times(long count, Double averageSeconds, Double p90Seconds) {
    static Times of(Durations d) {
      return new Times(d.count(), d.averageSeconds().orElse(null), d.p90Seconds().orElse(null));
    }
  }

  /** Stopped clocks and the share stopped in time. */
  @Schema(name = "DashboardCompliance")
  public record Share(long stopped, long met, Double share) {
    static Share of(Compliance c) {
      return new Share(c.stopped(), c.met(), c.share().orElse(null));
    }
  }

  /** Compliance per clock and for both together. */
  @Schema(name = "DashboardSlaCompliance")
  public record SlaCompliance(Share overall, Share firstResponse, Share resolution) {}

  /** One agent's figures by the tickets assigned to them. */
  @Schema(name = "DashboardAgent")
  public record Agent(
      UUID agentId,
      String displayName,
      @Schema(description = "Assigned tickets not yet resolved or closed") long openAssigned,
      long resolvedInWindow,
      Double averageFirstResponseSeconds,
      Share compliance) {
    static Agent of(AgentFigures a) {
      return new Agent(
          a.agentId(),
          a.displayName().orElse(null),
          a.openAssigned(),
          a.resolvedInWindow(),
          a.averageFirstResponseSeconds().orElse(null),
          Share.of(a.compliance()));
    }
  }

  public static DashboardResponse of(DashboardFigures f) {
    Map<String, Long> counts = new LinkedHashMap<>();
    f.byStatus().forEach((status, n) -> counts.put(status.name(), n));
    return new DashboardResponse(
        f.at(),
        f.from(),
        f.to(),
        counts,
        f.overdue(),
        f.escalatedOpen(),
        f.escalatedInWindow(),
        Times.of(f.firstResponse()),
        Times.of(f.resolution()),
        new SlaCompliance(
            Share.of(f.compliance()),
            Share.of(f.firstResponseCompliance()),
            Share.of(f.resolutionCompliance())),
        f.agents().stream().map(Agent::of).toList());
  }
}
