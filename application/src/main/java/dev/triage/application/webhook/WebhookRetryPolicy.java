package dev.triage.application.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook delivery is tried again: exponential backoff with full jitter (a uniformly
 * random wait between zero and {@code base x 2^(attempts-1)}, that ceiling capped at {@code cap}),
 * so receivers that fail together are not retried in step; after {@code maxAttempts} attempts the
 * delivery is given up on. Pure: the randomness is passed in.
 */
public record WebhookRetryPolicy(Duration base, Duration cap, int maxAttempts) {

  public WebhookRetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("the retry base must be positive: " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("the retry cap must be at least the base: " + cap);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
    }
  }

  /**
   * The longest wait after the {@code attempts}-th failed attempt (1 for the first): {@code base x
   * 2^(attempts-1)}, at most {@code cap}.
   */
  public Duration ceiling(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts start at 1: " + attempts);
    }
    long capNanos = cap.toNanos();
    long nanos = base.toNanos();
    for (int i = 1; i < attempts && nanos < capNanos; i++) {
      nanos = nanos > capNanos / 2 ? capNanos : nanos * 2;
    }
    return Duration.ofNanos(Math.min(nanos, capNanos));
  }

  /**
   * The wait after the {@code attempts}-th failed attempt: {@code random} (uniform in [0, 1)) of
   * the ceiling.
   */
  public Duration delay(int attempts, DoubleSupplier random) {
    double r = random.getAsDouble();
    if (!(r >= 0.0 && r < 1.0)) {
      throw new IllegalArgumentException("random draws must be in [0, 1): " + r);
    }
    return Duration.ofNanos((long) (ceiling(attempts).toNanos() * r));
  }

  /**
   * When to try again after the {@code attempts}-th attempt failed at {@code now}; empty when that
   * was the last one allowed (the delivery is dead).
   */
  public Optional<Instant> nextAttempt(int attempts, Instant now, DoubleSupplier random) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(now.plus(delay(attempts, random)));
  }
}
