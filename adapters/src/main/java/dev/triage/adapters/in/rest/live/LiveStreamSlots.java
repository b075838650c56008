package dev.triage.adapters.in.rest.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live streams open on this replica: at most {@code triage.live.max-streams-per-caller} for one
 * caller and {@code triage.live.max-streams} in all, so that streams (each holding a connection and
 * a bounded buffer) cannot exhaust memory. A stream past either cap is refused with 429 and {@code
 * Retry-After: triage.live.retry-after}.
 */
@ApplicationScoped
public class LiveStreamSlots {

  private final int perCaller;
  private final int total;
  private final Duration retryAfter;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  private final AtomicInteger all = new AtomicInteger();

  public LiveStreamSlots(
      @ConfigProperty(name = "triage.live.max-streams-per-caller") int perCaller,
      @ConfigProperty(name = "triage.live.max-streams") int total,
      @ConfigProperty(name = "triage.live.retry-after") Duration retryAfter) {
    if (perCaller < 1 || total < 1 || retryAfter.isNegative()) {
      throw new IllegalArgumentException(
          "triage.live.max-streams-per-caller and max-streams must be positive");
    }
    this.perCaller = perCaller;
    this.total = total;
    this.retryAfter = retryAfter;
  }

  /**
   * Takes a slot for one more stream of {@code caller}.
   *
   * @return what gives the slot back (it may run more than once), or empty when the caller or the
   *     replica has as many streams open as allowed
   */
  public Optional<Runnable> take(String caller) {
    if (all.incrementAndGet() > total) {
      all.decrementAndGet();
      return Optional.empty();
    }
    boolean[] taken = {false};
    open.compute(
        caller,
        (key, count) -> {
          int now = count == null ? 0 : count;
          if (now >= perCaller) {
            return count;
          }
          taken[0] = true;
          return now + 1;
        });
    if (!taken[0]) {
      all.decrementAndGet();
      return Optional.empty();
    }
    AtomicBoolean released = new AtomicBoolean();
    return Optional.of(
        () -> {
          if (released.compareAndSet(false, true)) {
            open.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
            all.decrementAndGet();
          }
        });
  }

  /** The streams open on this replica. */
  public int open() {
    return all.get();
  }

  public int perCaller() {
    return perCaller;
  }

  /** Whole seconds a refused client is told to wait, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
