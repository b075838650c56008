package dev.triage.adapters.out.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerunningTest {

  private final List<UniEmitter<? super Integer>> runs = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final Rerunning job =
      new Rerunning(() -> Uni.createFrom().<Integer>emitter(runs::add), failures::add);

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
}
