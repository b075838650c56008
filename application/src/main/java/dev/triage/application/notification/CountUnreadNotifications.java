package dev.triage.application.notification;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** How many notifications in my inbox have I not read yet? */
public record CountUnreadNotifications() implements Query<Long> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
