package dev.triage.adapters.out.relay;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a background job so that runs never overlap and no wake-up is lost: a {@link #run()} while
 * the job runs makes it run once more when it ends, however many calls came meanwhile. The relay,
 * the live feed and the webhook sender are woken this way by signals and polls.
 *
 * <p>With a pace, a run starts no sooner than that long after the previous one started: a wake-up
 * after a quiet spell runs at once, while under a stream of wake-ups (a commit each) the runs come
 * at most once per pace and each takes what the wake-ups meanwhile left, instead of one run per
 * wake-up, back to back.
 */
public final class Rerunning {

  /** Runs a task after a delay of at least one millisecond. */
  @FunctionalInterface
  public interface Timer {
    void after(long millis, Runnable task);
  }

  private final Supplier<Uni<?>> job;
  private final Consumer<Throwable> onFailure;
  private final long paceNanos;
  private final LongSupplier nanoTime;
  private final Timer timer;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile long started;

  /** {@code job} is started on each run; {@code onFailure} hears of a run that failed. */
  public Rerunning(Supplier<Uni<?>> job, Consumer<Throwable> onFailure) {
    this(job, onFailure, Duration.ZERO, System::nanoTime, (millis, task) -> task.run());
  }

  /**
   * As above, with runs started at most once per {@code pace} (measured by {@code nanoTime}, the
   * wait kept by {@code timer}).
   */
  public Rerunning(
      Supplier<Uni<?>> job,
      Consumer<Throwable> onFailure,
      Duration pace,
      LongSupplier nanoTime,
      Timer timer) {
    this.job = job;
    this.onFailure = onFailure;
    this.paceNanos = pace.toNanos();
    this.nanoTime = nanoTime;
    this.timer = timer;
    this.started = nanoTime.getAsLong() - paceNanos;
  }

  /** Starts the job now (or once the pace allows), or once more after the run in progress. */
  public void run() {
    again.set(true);
    if (!running.compareAndSet(false, true)) {
      return;
    }
    long wait = started + paceNanos - nanoTime.getAsLong();
    if (wait > 0) {
      timer.after(Math.max(1, (wait + 999_999) / 1_000_000), this::start);
    } else {
      start();
    }
  }

  private void start() {
    again.set(false);
    started = nanoTime.getAsLong();
    Uni<?> run;
    try {
      run = job.get();
    } catch (RuntimeException e) {
      run = Uni.createFrom().failure(e);
    }
    run.onTermination()
        .invoke(
            () -> {
              running.set(false);
              if (again.get()) {
                run();
              }
            })
        .subscribe()
        .with(done -> {}, onFailure);
  }
}
