package dev.triage.application.ticket;

import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.SlaPolicy;

/** The service-level policy and business calendar in force for tickets. */
public record SlaSettings(SlaPolicy policy, BusinessCalendar calendar) {

  /** DOMAIN.md's default targets on a 24x7 calendar. */
  public static SlaSettings defaults() {
    return new SlaSettings(SlaPolicy.defaults(), BusinessCalendar.twentyFourSeven());
  }
}
