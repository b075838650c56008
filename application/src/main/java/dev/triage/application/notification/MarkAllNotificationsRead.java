package dev.triage.application.notification;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** Mark everything in my inbox read; answers how many notifications that changed. */
public record MarkAllNotificationsRead() implements Command<Long> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
