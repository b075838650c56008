package dev.triage.domain.sla;

import java.util.Objects;
import java.util.Optional;

/**
 * The policy and calendar versions a ticket is measured against (ADR 17). A ticket keeps its pin
 * when an admin edits a policy or calendar, so a promised deadline never moves by itself; it moves
 * only when a field change selects another policy ({@link #afterSelection}) or an admin re-applies
 * the current versions ({@link #reapply}). Because clocks are computed from creation, a new pin
 * recomputes every due date from creation with no further code.
 */
public record SlaPin(SlaPolicyRef policy, CalendarRef calendar) {

  public SlaPin {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * The pin of a new ticket: the selected policy's version and the current version of its calendar.
   */
  public static SlaPin of(SlaPolicyVersion policy, CalendarVersion calendar) {
    if (!policy.calendarId().equals(calendar.id())) {
      throw new IllegalArgumentException(
          "policy " + policy.ref() + " is measured in calendar " + policy.calendarId());
    }
    return new SlaPin(policy.ref(), calendar.ref());
  }

  /** The pin of a new ticket for {@code selection}, in the current version of its calendar. */
  public static SlaPin of(PolicySelection selection, CalendarVersion calendar) {
    return of(selection.policy(), calendar);
  }

  /**
   * After a change of a field a condition reads: the same pin while the same policy is selected
   * (even if it has a newer version), else the selected policy's version and its calendar's current
   * version.
   */
  public SlaPin afterSelection(PolicySelection selection, CalendarVersion calendar) {
    return selection.policy().id().equals(policy.id()) ? this : of(selection, calendar);
  }

  /**
   * Re-apply: the pin of the current selection and calendar version, or empty when the ticket
   * already has it (so running re-apply twice moves nothing the second time).
   */
  public Optional<SlaPin> reapply(PolicySelection selection, CalendarVersion calendar) {
    SlaPin current = of(selection, calendar);
    return current.equals(this) ? Optional.empty() : Optional.of(current);
  }
}
