package dev.triage.domain.sla;

import static dev.triage.domain.sla.Policies.conditions;
import static dev.triage.domain.sla.Policies.defaultPolicy;
import static dev.triage.domain.sla.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaPolicySelectorTest {

  private static final UserId VIP = UserId.of(new UUID(0xF1L, 1));
  private static final UserId SOMEONE = UserId.of(new UUID(0xF1L, 2));

  private static PolicyFacts facts(
      Priority priority, String category, List<String> tags, UserId who) {
    return new PolicyFacts(
        priority,
        Optional.ofNullable(category).map(c -> Category.of(c).orElseThrow()),
        Tags.of(tags).orElseThrow(),
        who);
  }

  @Test
  void a_policy_matched_by_category_applies_and_says_why() {
    SlaPolicyVersion billing = policy(1, 1, Policies.category("Billing"));
    PolicySelection s =
        SlaPolicySelector.select(
            List.of(defaultPolicy(), billing), facts(Priority.LOW, "billing", List.of(), SOMEONE));
    assertThat(s.policy()).isEqualTo(billing);
    assertThat(s.isDefault()).isFalse();
    assertThat(s.matched())
        .containsExactly(new ConditionMatch(ConditionMatch.Field.CATEGORIES, "billing"));
  }

  @Test
  void without_a_match_the_default_applies_with_no_condition() {
    SlaPolicyVersion billing = policy(1, 1, Policies.category("billing"));
    PolicySelection s =
        SlaPolicySelector.select(
            List.of(billing, defaultPolicy()), facts(Priority.LOW, null, List.of(), SOMEONE));
    assertThat(s.isDefault()).isTrue();
    assertThat(s.ref()).isEqualTo(defaultPolicy().ref());
    assertThat(s.matched()).isEmpty();
  }

  @Test
  void every_non_empty_condition_must_match_and_tags_match_when_any_is_shared() {
    SlaPolicyVersion vipHigh =
        policy(
            1,
            1,
            conditions(
                List.of(Priority.HIGH, Priority.CRITICAL),
                List.of(),
                List.of("vip", "gold"),
                List.of(VIP)));
    List<SlaPolicyVersion> policies = List.of(vipHigh, defaultPolicy());
    PolicySelection all =
        SlaPolicySelector.select(
            policies, facts(Priority.HIGH, null, List.of("printer", "gold"), VIP));
    assertThat(all.policy()).isEqualTo(vipHigh);
    assertThat(all.matched())
        .containsExactly(
            new ConditionMatch(ConditionMatch.Field.PRIORITIES, "HIGH"),
            new ConditionMatch(ConditionMatch.Field.TAGS, "gold"),
            new ConditionMatch(ConditionMatch.Field.REQUESTER_IDS, VIP.toString()));
    assertThat(
            SlaPolicySelector.select(policies, facts(Priority.LOW, null, List.of("vip"), VIP))
                .isDefault())
        .isTrue();
    assertThat(
            SlaPolicySelector.select(policies, facts(Priority.HIGH, null, List.of("vip"), SOMEONE))
                .isDefault())
        .isTrue();
    assertThat(
            SlaPolicySelector.select(policies, facts(Priority.HIGH, null, List.of(), VIP))
                .isDefault())
        .isTrue();
  }

  @Test
  void the_first_matching_policy_by_position_wins_whatever_the_list_order() {
    SlaPolicyVersion second = policy(2, 2, Policies.category("billing"));
    SlaPolicyVersion first =
        policy(1, 1, conditions(List.of(Priority.HIGH), List.of(), List.of(), List.of()));
    PolicyFacts highBilling = facts(Priority.HIGH, "billing", List.of(), SOMEONE);
    assertThat(
            SlaPolicySelector.select(List.of(defaultPolicy(), second, first), highBilling).policy())
        .isEqualTo(first);
    assertThat(
            SlaPolicySelector.select(
                    List.of(defaultPolicy(), second, first),
                    facts(Priority.LOW, "billing", List.of(), SOMEONE))
                .policy())
        .isEqualTo(second);
  }

  @Test
  void a_policy_without_conditions_matches_everything_before_the_default() {
    SlaPolicyVersion catchAll = policy(1, 5, PolicyConditions.none());
    PolicySelection s =
        SlaPolicySelector.select(
            List.of(catchAll, defaultPolicy()), facts(Priority.LOW, null, List.of(), SOMEONE));
    assertThat(s.policy()).isEqualTo(catchAll);
    assertThat(s.matched()).isEmpty();
  }

  @Test
  void exactly_one_default_policy_is_required() {
    PolicyFacts any = facts(Priority.LOW, null, List.of(), SOMEONE);
    assertThatThrownBy(
            () -> SlaPolicySelector.select(List.of(policy(1, 1, PolicyConditions.none())), any))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SlaPolicySelector.select(List.of(defaultPolicy(), defaultPolicy()), any))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
