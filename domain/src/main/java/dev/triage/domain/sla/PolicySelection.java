package dev.triage.domain.sla;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link SlaPolicySelector#select}: the policy that applies and, for the
 * explanation, the condition matches that made it apply (empty for the default policy or a policy
 * without conditions).
 */
public record PolicySelection(SlaPolicyVersion policy, List<ConditionMatch> matched) {

  public PolicySelection {
    Objects.requireNonNull(policy, "policy");
    matched = List.copyOf(matched);
  }

  public SlaPolicyRef ref() {
    return policy.ref();
  }

  /** True when no other policy matched and the default applies. */
  public boolean isDefault() {
    return policy.isDefault();
  }
}
