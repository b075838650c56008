package dev.triage.application.ticket;

import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Ticket;
import java.time.Instant;

/** The service-level policy and business calendar in force for tickets. */
public record SlaSettings(SlaPolicy policy, BusinessCalendar calendar) {

  /** DOMAIN.md's default targets on a 24x7 calendar. */
  public static SlaSettings defaults() {
    return new SlaSettings(SlaPolicy.defaults(), BusinessCalendar.twentyFourSeven());
  }

  /** Both clocks of {@code ticket} at {@code now} under these settings. */
  public SlaStatus evaluate(Ticket ticket, Instant now) {
    return Sla.evaluate(ticket, policy, calendar, now);
  }
}
