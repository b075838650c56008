package dev.triage.application.fakes;

import dev.triage.application.port.RateDecision;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate limits with a fixed number of requests per limit and key that never refill, so a test can
 * spend a budget and see the next request refused.
 */
public final class FixedRateLimits implements RateLimits {

  private final long budget;
  private final Map<String, Long> used = new HashMap<>();

  public FixedRateLimits(long budget) {
    this.budget = budget;
  }

  /** Limits no test reaches. */
  public static FixedRateLimits unlimited() {
    return new FixedRateLimits(Long.MAX_VALUE);
  }

  @Override
  public synchronized Uni<RateDecision> consume(RateLimit limit, String key) {
    String bucket = limit.policyName() + '/' + key;
    long spent = used.getOrDefault(bucket, 0L);
    if (spent >= budget) {
      return Uni.createFrom().item(decision(limit, false, 0));
    }
    used.put(bucket, spent + 1);
    return Uni.createFrom().item(decision(limit, true, budget - spent - 1));
  }

  @Override
  public synchronized Uni<RateDecision> peek(RateLimit limit, String key) {
    long spent = used.getOrDefault(limit.policyName() + '/' + key, 0L);
    return Uni.createFrom().item(decision(limit, spent < budget, Math.max(0, budget - spent)));
  }

  @Override
  public synchronized Uni<Void> giveBack(RateLimit limit, String key) {
    used.computeIfPresent(limit.policyName() + '/' + key, (k, spent) -> Math.max(0, spent - 1));
    return Uni.createFrom().voidItem();
  }

  /** How many requests {@code key} has spent of {@code limit}. */
  public synchronized long used(RateLimit limit, String key) {
    return used.getOrDefault(limit.policyName() + '/' + key, 0L);
  }

  private RateDecision decision(RateLimit limit, boolean allowed, long remaining) {
    return new RateDecision(
        allowed,
        budget,
        remaining,
        Duration.ofHours(1),
        allowed ? Duration.ZERO : Duration.ofMinutes(1),
        limit.policyName());
  }
}
