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

  /**
   * Whether one request would be allowed now, without taking it.
   *
   * @return the decision a {@link #consume} would make; a failed Uni as for {@link #consume}
   */
  Uni<RateDecision> peek(RateLimit limit, String key);

  /**
   * Gives one request back to the bucket of {@code limit} for {@code key} (never above its size):
   * for limits that count only failures, an attempt taken up front that turned out well.
   */
  Uni<Void> giveBack(RateLimit limit, String key);
}
