package dev.triage.adapters.out.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerunningTest {

  private final List<UniEmitter<? super Integer>> runs = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final Rerunning job =
      new Rerunning(() -> Uni.createFrom().<Integer>emitter(runs::add), failures::add);

  /** A clock in nanoseconds and a timer that runs its tasks when the clock is moved past them. */
  private long now = 1_000_000_000L;

  private final List<long[]> dueAt = new ArrayList<>();
  private final List<Runnable> waiting = new ArrayList<>();
  private final Rerunning paced =
      new Rerunning(
          () -> Uni.createFrom().<Integer>emitter(runs::add),
          failures::add,
          Duration.ofMillis(20),
          () -> now,
          (millis, task) -> {
            dueAt.add(new long[] {now + millis * 1_000_000});
            waiting.add(task);
          });

  private void advance(Duration by) {
    now += by.toNanos();
    for (int i = 0; i < waiting.size(); i++) {
      if (dueAt.get(i)[0] <= now) {
        Runnable task = waiting.remove(i);
        dueAt.remove(i);
        task.run();
        i--;
      }
    }
  }

  @Test
  void wake_ups_during_a_run_make_exactly_one_more_run_after_it() {
    job.run();
    job.run();
    job.run();
    assertThat(runs).as("never two at once").hasSize(1);

    runs.get(0).complete(1);
    assertThat(runs).as("one more for the wake-ups meanwhile").hasSize(2);

    runs.get(1).complete(0);
    assertThat(runs).as("nothing asked for a third").hasSize(2);
  }

  @Test
  void a_failed_run_is_reported_and_the_next_wake_up_runs_again() {
    job.run();
    runs.get(0).fail(new IllegalStateException("database gone"));
    assertThat(failures).extracting(Throwable::getMessage).containsExactly("database gone");

    job.run();
    assertThat(runs).hasSize(2);
  }

  @Test
  void a_paced_job_runs_at_once_after_a_quiet_spell() {
    paced.run();
    assertThat(runs).hasSize(1);
    runs.get(0).complete(1);

    advance(Duration.ofMillis(25));
    paced.run();
    assertThat(runs).as("the pace has passed since the last start").hasSize(2);
  }

  @Test
  void under_a_stream_of_wake_ups_a_paced_job_starts_once_per_pace_and_loses_none() {
    paced.run();
    runs.get(0).complete(1); // a short run: 0 ms
    for (int i = 0; i < 10; i++) {
      advance(Duration.ofMillis(1));
      paced.run();
    }
    assertThat(runs).as("ten wake-ups 1 ms apart wait for the pace").hasSize(1);

    advance(Duration.ofMillis(9)); // 19 ms after the first start
    assertThat(runs).hasSize(1);
    advance(Duration.ofMillis(1)); // 20 ms
    assertThat(runs).as("one run for all ten wake-ups").hasSize(2);

    paced.run(); // while it runs
    runs.get(1).complete(1);
    assertThat(runs).as("the wake-up during the run waits for the pace again").hasSize(2);
    advance(Duration.ofMillis(20));
    assertThat(runs).hasSize(3);
    runs.get(2).complete(0);
    advance(Duration.ofMillis(100));
    assertThat(runs).as("nothing asked for a fourth").hasSize(3);
  }

  @Test
  void a_run_longer_than_the_pace_is_followed_at_once_when_woken_meanwhile() {
    paced.run();
    advance(Duration.ofMillis(50));
    paced.run();
    runs.get(0).complete(1);
    assertThat(runs).hasSize(2);
  }
}
