package dev.triage.application.sweep;

import dev.triage.application.ticket.SlaSettings;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaTargets;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import java.time.Duration;
import java.util.Objects;

/**
 * How far the sweeps look and how much they take per run. The ages of automatic escalation and
 * auto-close are runtime settings ({@code CurrentSettings}, ADR 17), read at every pass.
 *
 * @param slaLookahead how far before a running clock's due date its warning may fall: candidates
 *     for a warning are clocks due within this from now
 * @param stoppedLookback how far back a clock that stopped after its due date is still picked up
 *     for its breach
 * @param batchSize at most this many candidates per sweep and run
 */
public record SweepSettings(Duration slaLookahead, Duration stoppedLookback, int batchSize) {

  public SweepSettings {
    Objects.requireNonNull(slaLookahead, "slaLookahead");
    Objects.requireNonNull(stoppedLookback, "stoppedLookback");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
  }

  /**
   * The longest wall-clock span between a warning and its due date under {@code sla} on a 24x7
   * calendar: the largest remaining share of any target.
   */
  public static Duration warningLead(SlaSettings sla) {
    SlaPolicy policy = sla.policy();
    Duration lead = Duration.ZERO;
    for (Priority priority : Priority.values()) {
      SlaTargets targets = policy.targets(priority);
      for (SlaClock clock : SlaClock.values()) {
        Duration target = targets.of(clock);
        Duration remaining = target.minus(policy.warningAfter(target));
        if (remaining.compareTo(lead) > 0) {
          lead = remaining;
        }
      }
    }
    return lead;
  }

  public static SweepSettings defaults(SlaSettings sla) {
    return new SweepSettings(warningLead(sla), Duration.ofDays(1), 500);
  }
}
