package dev.triage.domain.sla;

import static dev.triage.domain.sla.Policies.ALWAYS_ID;
import static dev.triage.domain.sla.Policies.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaPolicyDefinitionTest {

  private static Result<SlaPolicyDefinition> define(
      double share, int position, Map<Priority, Map<SlaClock, Duration>> targets) {
    return SlaPolicyDefinition.define(
        "VIP", ALWAYS_ID, share, position, PolicyConditions.none(), targets);
  }

  private static Map<String, List<String>> fieldErrors(Result<?> result) {
    assertThat(result).isInstanceOf(Result.Err.class);
    return ((Result.Err<?>) result).fieldErrors();
  }

  @Test
  void a_valid_definition_gives_the_policy_evaluation_reads() {
    SlaPolicyDefinition d =
        SlaPolicyDefinition.define(
                " VIP ",
                ALWAYS_ID,
                0.5,
                1,
                Policies.conditions(
                    List.of(Priority.HIGH),
                    List.of(" Billing "),
                    List.of(" VIP ", "vip"),
                    List.of(UserId.of(new UUID(1, 1)))),
                hours(1, 8, 2))
            .orElseThrow();
    assertThat(d.name()).isEqualTo("VIP");
    assertThat(d.conditions().categories()).containsExactly("Billing");
    assertThat(d.conditions().tags()).containsExactly("vip");
    SlaPolicy policy = d.toPolicy();
    assertThat(policy.name()).isEqualTo("VIP");
    assertThat(policy.warningShare()).isEqualTo(0.5);
    assertThat(policy.target(SlaClock.NEXT_REPLY, Priority.LOW)).isEqualTo(Duration.ofHours(2));
    assertThat(policy.targets(Priority.HIGH))
        .isEqualTo(new SlaTargets(Duration.ofHours(1), Duration.ofHours(8), Duration.ofHours(2)));
  }

  @Test
  void the_default_definition_has_todays_targets_and_no_conditions() {
    SlaPolicyDefinition d = SlaPolicyDefinition.defaults(ALWAYS_ID);
    assertThat(d.toPolicy()).isEqualTo(SlaPolicy.defaults());
    assertThat(d.conditions().isEmpty()).isTrue();
    assertThat(d.asDefault().isOk()).isTrue();
    SlaPolicyDefinition conditional =
        SlaPolicyDefinition.of(
                "x",
                ALWAYS_ID,
                0.8,
                1,
                Policies.category("billing"),
                SlaPolicy.defaults().targets())
            .orElseThrow();
    assertThat(fieldErrors(conditional.asDefault())).containsOnlyKeys("conditions");
  }

  @Test
  void every_priority_needs_all_three_targets() {
    Map<Priority, Map<SlaClock, Duration>> targets = new EnumMap<>(hours(1, 8, 2));
    targets.remove(Priority.LOW);
    Map<SlaClock, Duration> high = new EnumMap<>(targets.get(Priority.HIGH));
    high.remove(SlaClock.NEXT_REPLY);
    targets.put(Priority.HIGH, high);
    assertThat(fieldErrors(define(0.8, 1, targets)))
        .containsOnlyKeys("targets.LOW", "targets.HIGH.nextReply");
    assertThat(fieldErrors(define(0.8, 1, null))).containsOnlyKeys("targets");
  }

  @Test
  void targets_must_be_positive_and_at_most_a_year() {
    Map<Priority, Map<SlaClock, Duration>> targets = new EnumMap<>(hours(1, 8, 2));
    Map<SlaClock, Duration> critical = new EnumMap<>(targets.get(Priority.CRITICAL));
    critical.put(SlaClock.FIRST_RESPONSE, Duration.ZERO);
    critical.put(SlaClock.RESOLUTION, Duration.ofDays(366));
    critical.put(SlaClock.NEXT_REPLY, Duration.ofMinutes(-5));
    targets.put(Priority.CRITICAL, critical);
    Map<String, List<String>> errors = fieldErrors(define(0.8, 1, targets));
    assertThat(errors)
        .containsOnlyKeys(
            "targets.CRITICAL.firstResponse",
            "targets.CRITICAL.resolution",
            "targets.CRITICAL.nextReply");
    assertThat(
            define(
                    0.8,
                    1,
                    Policies.targets(
                        Duration.ofSeconds(1), Duration.ofDays(365), Duration.ofDays(365)))
                .isOk())
        .isTrue();
  }

  @Test
  void the_warning_share_is_in_zero_exclusive_to_one_and_the_position_at_least_one() {
    for (double bad : new double[] {0.0, -0.1, 1.01, Double.NaN}) {
      assertThat(fieldErrors(define(bad, 1, hours(1, 8, 2)))).containsOnlyKeys("warningShare");
    }
    assertThat(define(1.0, 1, hours(1, 8, 2)).isOk()).isTrue();
    assertThat(fieldErrors(define(0.8, 0, hours(1, 8, 2)))).containsOnlyKeys("position");
  }

  @Test
  void name_calendar_and_conditions_are_checked_naming_each_field() {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add("t" + i);
    }
    Map<String, List<String>> errors =
        fieldErrors(
            SlaPolicyDefinition.define(
                "n".repeat(101),
                null,
                0.8,
                1,
                Policies.conditions(
                    List.of(), Arrays.asList("ok", " ", "c".repeat(61)), tooMany, List.of()),
                hours(1, 8, 2)));
    assertThat(errors)
        .containsOnlyKeys(
            "name",
            "calendarId",
            "conditions.categories[1]",
            "conditions.categories[2]",
            "conditions.tags");
  }

  @Test
  void the_constructor_refuses_what_define_refuses() {
    assertThatThrownBy(
            () ->
                new SlaPolicyDefinition(
                    "x",
                    ALWAYS_ID,
                    0.8,
                    0,
                    PolicyConditions.none(),
                    SlaPolicy.defaults().targets()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position");
  }

  @Test
  void a_default_version_cannot_have_conditions() {
    SlaPolicyDefinition conditional =
        SlaPolicyDefinition.of(
                "x",
                ALWAYS_ID,
                0.8,
                1,
                Policies.category("billing"),
                SlaPolicy.defaults().targets())
            .orElseThrow();
    assertThatThrownBy(
            () ->
                new SlaPolicyVersion(
                    new SlaPolicyRef(Policies.policyId(1), "x", 1), true, conditional))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
