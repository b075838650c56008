package dev.triage.adapters.out.persistence;

import dev.triage.application.port.CalendarUsage;
import dev.triage.application.port.Calendars;
import dev.triage.domain.sla.CalendarId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which policy uses a calendar, while SLA policies are not stored yet (issue 17, point 2): the only
 * policy is the built-in default, measured on the 24x7 calendar, so that calendar is always in use
 * and every other one is free. When policies get their table this becomes a query over it.
 */
@ApplicationScoped
public class BuiltInCalendarUsage implements CalendarUsage {

  static final String DEFAULT_POLICY = "the default policy";

  @Override
  public Uni<Optional<String>> usedBy(CalendarId calendar) {
    return Uni.createFrom()
        .item(
            calendar.equals(Calendars.TWENTY_FOUR_SEVEN)
                ? Optional.of(DEFAULT_POLICY)
                : Optional.empty());
  }
}
