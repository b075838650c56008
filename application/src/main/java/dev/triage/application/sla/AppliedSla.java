package dev.triage.application.sla;

import dev.triage.application.ticket.SlaSettings;
import dev.triage.domain.sla.CalendarVersion;
import dev.triage.domain.sla.ConditionMatch;
import dev.triage.domain.sla.SlaPin;
import dev.triage.domain.sla.SlaPolicyVersion;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A policy version and a calendar version as a ticket is measured against them (ADR 17), with the
 * ids of their rows (what the ticket stores) and the conditions that selected the policy (empty for
 * the default, and for a pin read back: the match is known only when selecting).
 */
public record AppliedSla(
    UUID policyVersionId,
    SlaPolicyVersion policy,
    UUID calendarVersionId,
    CalendarVersion calendar,
    List<ConditionMatch> matched) {

  public AppliedSla {
    Objects.requireNonNull(policyVersionId, "policyVersionId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(calendarVersionId, "calendarVersionId");
    Objects.requireNonNull(calendar, "calendar");
    matched = List.copyOf(matched);
    SlaPin.of(policy, calendar); // the policy is measured in this calendar
  }

  /** What evaluation reads: the targets and warning share, and the calendar. */
  public SlaSettings settings() {
    return new SlaSettings(policy.policy(), calendar.calendar());
  }

  public SlaPin pin() {
    return SlaPin.of(policy, calendar);
  }

  /** The same versions as {@code other} (whatever matched). */
  public boolean samePin(AppliedSla other) {
    return policyVersionId.equals(other.policyVersionId)
        && calendarVersionId.equals(other.calendarVersionId);
  }

  public SlaPinIds ids() {
    return new SlaPinIds(policyVersionId, calendarVersionId);
  }
}
