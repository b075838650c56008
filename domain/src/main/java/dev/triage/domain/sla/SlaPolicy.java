package dev.triage.domain.sla;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Service-level targets per priority (first response, resolution and next reply, in business time
 * of a calendar) and the share of a target at which a warning is raised. This is what evaluation
 * reads; {@link SlaPolicyDefinition} is the policy as an admin defines it (conditions, calendar,
 * position), which makes one of these.
 */
public record SlaPolicy(String name, Map<Priority, SlaTargets> targets, double warningShare) {

  public static final double DEFAULT_WARNING_SHARE = 0.8;

  public SlaPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targets, "targets");
    for (Priority p : Priority.values()) {
      if (!targets.containsKey(p)) {
        throw new IllegalArgumentException("policy " + name + " has no targets for " + p);
      }
    }
    if (!(warningShare > 0.0 && warningShare <= 1.0)) {
      throw new IllegalArgumentException("warning share must be in (0, 1]: " + warningShare);
    }
    targets = Collections.unmodifiableMap(new EnumMap<>(targets));
  }

  /**
   * DOMAIN.md's defaults: CRITICAL 30m/2h, HIGH 1h/8h, MEDIUM 4h/24h, LOW 8h/48h; the next reply
   * has the first-response target (30m, 1h, 4h, 8h); warn at 80%.
   */
  public static SlaPolicy defaults() {
    EnumMap<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
    targets.put(Priority.CRITICAL, new SlaTargets(Duration.ofMinutes(30), Duration.ofHours(2)));
    targets.put(Priority.HIGH, new SlaTargets(Duration.ofHours(1), Duration.ofHours(8)));
    targets.put(Priority.MEDIUM, new SlaTargets(Duration.ofHours(4), Duration.ofHours(24)));
    targets.put(Priority.LOW, new SlaTargets(Duration.ofHours(8), Duration.ofHours(48)));
    return new SlaPolicy("default", targets, DEFAULT_WARNING_SHARE);
  }

  public SlaTargets targets(Priority priority) {
    return targets.get(priority);
  }

  public Duration target(SlaClock clock, Priority priority) {
    return targets.get(priority).of(clock);
  }

  /** The elapsed business time at which {@code target} reaches the warning share. */
  public Duration warningAfter(Duration target) {
    return Duration.ofNanos(Math.round(target.toNanos() * warningShare));
  }

  public SlaPolicy withWarningShare(double share) {
    return new SlaPolicy(name, targets, share);
  }

  public SlaPolicy withTargets(Priority priority, SlaTargets newTargets) {
    EnumMap<Priority, SlaTargets> copy = new EnumMap<>(targets);
    copy.put(priority, newTargets);
    return new SlaPolicy(name, copy, warningShare);
  }
}
