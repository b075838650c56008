package dev.triage.adapters.out.persistence;

import dev.triage.application.port.CalendarUsage;
import dev.triage.application.port.Calendars;
import dev.triage.domain.sla.CalendarId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which policy uses a calendar: a live policy whose current version measures in it (V17). A fixed
 * statement on the command's session (ADR 0011, c): the deletion of a calendar asks after locking
 * the calendar's row, which a policy's creation or change locks too before naming the calendar, so
 * the answer cannot miss a policy committed in between. The 24x7 calendar is always in use,
 * whatever the default policy measures in now: tickets opened before policies existed are measured
 * in it.
 */
@ApplicationScoped
public class SqlCalendarUsage implements CalendarUsage {

  static final String DEFAULT_POLICY = "the default policy";

  private static final String USED_BY =
      "select p.name from sla_policies p join sla_policy_versions v on v.id = p.current_version_id"
          + " where p.deleted_at is null and v.calendar_id = :calendar"
          + " order by p.position, p.id limit 1";

  @Override
  public Uni<Optional<String>> usedBy(CalendarId calendar) {
    if (calendar.equals(Calendars.TWENTY_FOUR_SEVEN)) {
      return Uni.createFrom().item(Optional.of(DEFAULT_POLICY));
    }
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(USED_BY, String.class)
                    .setParameter("calendar", calendar.value())
                    .getResultList())
        .map(names -> names.stream().findFirst().map(name -> "policy " + name));
  }
}
