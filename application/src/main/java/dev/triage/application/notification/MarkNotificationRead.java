package dev.triage.application.notification;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** Mark one notification of my inbox read (again: it keeps the time it was first read). */
public record MarkNotificationRead(String notificationId) implements Command<NotificationView> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
