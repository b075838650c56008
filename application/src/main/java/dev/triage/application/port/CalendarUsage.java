package dev.triage.application.port;

import dev.triage.domain.sla.CalendarId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Which SLA policy measures time in a calendar: a calendar the current version of a live policy
 * uses cannot be deleted.
 */
public interface CalendarUsage {

  /** The name of a policy that uses the calendar, or empty when none does. */
  Uni<Optional<String>> usedBy(CalendarId calendar);
}
