package dev.triage.adapters.out.ratelimit;

import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time every rate-limit bucket refills by: wall-clock milliseconds (the shared buckets are read
 * and written by several replicas, so their clocks must agree), plus an offset that only ever
 * grows. Tests {@link #advance} it to cross a window without waiting.
 */
@ApplicationScoped
public class RateLimitClock implements TimeMeter {

  private final AtomicLong offsetNanos = new AtomicLong();

  @Override
  public long currentTimeNanos() {
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) + offsetNanos.get();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }

  /** Moves this replica's rate-limit time forward; buckets refill as if {@code by} had passed. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("rate-limit time only moves forward");
    }
    offsetNanos.addAndGet(by.toNanos());
  }
}
