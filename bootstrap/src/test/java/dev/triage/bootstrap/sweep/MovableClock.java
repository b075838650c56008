package dev.triage.bootstrap.sweep;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock for tests that need time to pass: the system clock (in microseconds, like
 * production) plus an offset the test moves forward. Enabled only by the profiles that ask for it.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

  private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Moves the clock forward by {@code by}. */
  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  /**
   * Moves the clock forward to {@code target}, from where it goes on ticking; refuses to move it
   * backwards.
   */
  public void moveTo(Instant target) {
    offset.updateAndGet(
        o -> {
          Instant now = base.instant();
          if (target.isBefore(now.plus(o))) {
            throw new IllegalArgumentException(
                "the clock only moves forward: " + target + " is before " + now.plus(o));
          }
          return Duration.between(now, target);
        });
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the service's clock is UTC");
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
