package dev.triage.domain.sla;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which SLA policy applies to a ticket (ADR 17): the first policy by position whose conditions all
 * match the ticket's {@link PolicyFacts}, else the default policy. A pure function of the policies
 * and those facts, so it can run at creation, on every change of a field a condition reads, and on
 * re-apply, and always give the same answer.
 */
public final class SlaPolicySelector {

  private SlaPolicySelector() {}

  /**
   * The policy for {@code facts}. Policies are tried by ascending position (equal positions in the
   * order given); the default policy comes last whatever its position.
   *
   * @throws IllegalArgumentException unless exactly one of {@code policies} is the default (the
   *     store guarantees it; anything else is corrupt configuration)
   */
  public static PolicySelection select(List<SlaPolicyVersion> policies, PolicyFacts facts) {
    SlaPolicyVersion fallback = null;
    List<SlaPolicyVersion> ordered = new ArrayList<>();
    for (SlaPolicyVersion p : policies) {
      if (!p.isDefault()) {
        ordered.add(p);
      } else if (fallback == null) {
        fallback = p;
      } else {
        throw new IllegalArgumentException(
            "two default policies: " + fallback.ref() + ", " + p.ref());
      }
    }
    if (fallback == null) {
      throw new IllegalArgumentException("no default policy among " + policies.size());
    }
    ordered.sort(Comparator.comparingInt(p -> p.definition().position()));
    for (SlaPolicyVersion p : ordered) {
      Optional<List<ConditionMatch>> matched = p.definition().conditions().match(facts);
      if (matched.isPresent()) {
        return new PolicySelection(p, matched.get());
      }
    }
    return new PolicySelection(fallback, List.of());
  }
}
