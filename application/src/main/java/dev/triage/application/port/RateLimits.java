package dev.triage.application.port;

import io.smallrye.mutiny.Uni;

/**
 * Counts requests against the {@link RateLimit}s. Limits that are {@link RateLimit#global()} hold
 * across every replica of the service; the others may be counted per replica.
 */
public interface RateLimits {

  /**
   * Takes one request from the bucket of {@code limit} for {@code key} (a client address, an
   * account's email, a user name). A refused request is not counted.
   *
   * @return the decision; a failed Uni when the shared store cannot be reached
   */
  Uni<RateDecision> consume(RateLimit limit, String key);
}
