package dev.triage.application.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class WebhookRetryPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
  static final WebhookRetryPolicy POLICY =
      new WebhookRetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 8);

  /** The largest draw a uniform [0, 1) source can give. */
  static final DoubleSupplier HIGHEST = () -> Math.nextDown(1.0);

  @Test
  void the_longest_wait_doubles_with_each_failed_attempt() {
    assertThat(POLICY.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(POLICY.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(POLICY.ceiling(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(POLICY.ceiling(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(POLICY.ceiling(7)).isEqualTo(Duration.ofSeconds(640));
  }

  @Test
  void the_longest_wait_stops_growing_at_the_cap_however_many_attempts_failed() {
    assertThat(POLICY.ceiling(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(POLICY.ceiling(10)).isEqualTo(Duration.ofHours(1));
    assertThat(POLICY.ceiling(11)).isEqualTo(Duration.ofHours(1));
    assertThat(POLICY.ceiling(1_000)).isEqualTo(Duration.ofHours(1));
    assertThat(POLICY.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void the_wait_is_the_drawn_share_of_the_longest_wait() {
    assertThat(POLICY.delay(3, () -> 0.0)).isEqualTo(Duration.ZERO);
    assertThat(POLICY.delay(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(20));
    assertThat(POLICY.delay(3, () -> 0.25)).isEqualTo(Duration.ofSeconds(10));
    assertThat(POLICY.delay(3, HIGHEST)).isLessThan(Duration.ofSeconds(40));
    assertThat(POLICY.delay(3, HIGHEST)).isGreaterThan(Duration.ofMillis(39_999));
  }

  @Test
  void every_wait_falls_between_zero_and_the_longest_wait_for_its_attempt() {
    Random random = new Random(42);
    for (int attempts = 1; attempts <= 20; attempts++) {
      Duration ceiling = POLICY.ceiling(attempts);
      Duration shortest = ceiling;
      Duration longest = Duration.ZERO;
      for (int i = 0; i < 2_000; i++) {
        Duration d = POLICY.delay(attempts, random::nextDouble);
        assertThat(d).isBetween(Duration.ZERO, ceiling);
        shortest = d.compareTo(shortest) < 0 ? d : shortest;
        longest = d.compareTo(longest) > 0 ? d : longest;
      }
      // Full jitter: the draws spread over the whole range, not around its top.
      assertThat(shortest).isLessThan(ceiling.dividedBy(10));
      assertThat(longest).isGreaterThan(ceiling.multipliedBy(9).dividedBy(10));
    }
  }

  @Test
  void a_failed_attempt_before_the_last_is_tried_again_after_the_wait() {
    assertThat(POLICY.nextAttempt(1, NOW, () -> 0.5)).contains(NOW.plusSeconds(5));
    assertThat(POLICY.nextAttempt(7, NOW, () -> 0.5)).contains(NOW.plusSeconds(320));
  }

  @Test
  void the_last_allowed_attempt_failing_makes_the_delivery_dead() {
    assertThat(POLICY.nextAttempt(8, NOW, () -> 0.5)).isEmpty();
    assertThat(POLICY.nextAttempt(9, NOW, () -> 0.5)).isEmpty();
    assertThat(
            new WebhookRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1)
                .nextAttempt(1, NOW, () -> 0.5))
        .isEmpty();
  }

  @Test
  void sub_second_settings_keep_their_precision() {
    WebhookRetryPolicy fast =
        new WebhookRetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3);
    assertThat(fast.ceiling(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(fast.ceiling(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(fast.ceiling(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(fast.ceiling(4)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void draws_outside_zero_to_one_and_nonsense_settings_are_refused() {
    assertThatThrownBy(() -> POLICY.delay(1, () -> 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> POLICY.delay(1, () -> -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> POLICY.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookRetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new WebhookRetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new WebhookRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
