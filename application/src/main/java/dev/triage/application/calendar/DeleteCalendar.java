package dev.triage.application.calendar;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Optional;

/**
 * An admin removes a calendar no policy uses: it leaves the list, and its versions stay for the
 * tickets measured against them.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record DeleteCalendar(String calendarId, Optional<Long> ifMatch)
    implements Command<Boolean> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
