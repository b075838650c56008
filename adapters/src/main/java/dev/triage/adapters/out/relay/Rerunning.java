package dev.triage.adapters.out.relay;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a background job so that runs never overlap and no wake-up is lost: a {@link #run()} while
 * the job runs makes it run once more when it ends, however many calls came meanwhile. The relay,
 * the live feed and the webhook sender are woken this way by signals and polls.
 */
public final class Rerunning {

  private final Supplier<Uni<?>> job;
  private final Consumer<Throwable> onFailure;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  /** {@code job} is started on each run; {@code onFailure} hears of a run that failed. */
  public Rerunning(Supplier<Uni<?>> job, Consumer<Throwable> onFailure) {
    this.job = job;
    this.onFailure = onFailure;
  }

  /** Starts the job now, or once more after the run in progress; never fails. */
  public void run() {
    again.set(true);
    if (!running.compareAndSet(false, true)) {
      return;
    }
    again.set(false);
    job.get()
        .onTermination()
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
