package dev.triage.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The steps of a use case chained over {@code Uni<Result<...>>}. */
class ResultsTest {

  private static final Result<Integer> REFUSED =
      new Result.Err<>(
          ErrorCode.VALIDATION_FAILED, "title: is required", Map.of("title", List.of("required")));

  private static <A, B> Function<A, Uni<Result<B>>> mustNotRun() {
    return value -> {
      throw new AssertionError("the next step ran on a rejection");
    };
  }

  @Test
  void the_next_step_runs_on_the_value_of_a_success() {
    Uni<Result<Integer>> two = Uni.createFrom().item(Result.ok(2));

    Result<String> answer =
        Results.then(two, n -> Uni.createFrom().item(Result.ok("got " + n))).await().indefinitely();

    assertThat(answer).isEqualTo(Result.ok("got 2"));
  }

  @Test
  void a_rejection_is_the_answer_as_it_is_and_the_next_step_does_not_run() {
    Uni<Result<Integer>> refused = Uni.createFrom().item(REFUSED);

    Result<String> answer =
        Results.<Integer, String>then(refused, mustNotRun()).await().indefinitely();

    assertThat(answer).isEqualTo(REFUSED);
  }

  @Test
  void the_next_step_may_refuse_in_turn() {
    Result<String> answer =
        Results.then(
                Uni.createFrom().item(Result.ok(2)),
                n -> Uni.createFrom().item(Result.<String>err(ErrorCode.CONFLICT, "busy")))
            .await()
            .indefinitely();

    assertThat(answer).isEqualTo(Result.err(ErrorCode.CONFLICT, "busy"));
  }

  @Test
  void a_result_at_hand_chains_the_same_way() {
    Result<String> ok =
        Results.then(Result.ok(3), n -> Uni.createFrom().item(Result.ok("got " + n)))
            .await()
            .indefinitely();
    Result<String> refused =
        Results.<Integer, String>then(REFUSED, mustNotRun()).await().indefinitely();

    assertThat(ok).isEqualTo(Result.ok("got 3"));
    assertThat(refused).isEqualTo(REFUSED);
  }

  @Test
  void map_turns_the_value_of_a_success_and_passes_a_rejection_through() {
    Result<String> ok =
        Results.map(Uni.createFrom().item(Result.ok(4)), n -> "#" + n).await().indefinitely();
    Result<String> refused =
        Results.<Integer, String>map(
                Uni.createFrom().item(REFUSED),
                n -> {
                  throw new AssertionError("mapped a rejection");
                })
            .await()
            .indefinitely();

    assertThat(ok).isEqualTo(Result.ok("#4"));
    assertThat(refused).isEqualTo(REFUSED);
  }

  @Test
  void a_fault_stays_a_fault_and_is_not_turned_into_a_rejection() {
    Uni<Result<Integer>> broken = Uni.createFrom().failure(new IllegalStateException("down"));

    assertThatThrownBy(
            () -> Results.<Integer, String>then(broken, mustNotRun()).await().indefinitely())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("down");
  }
}
