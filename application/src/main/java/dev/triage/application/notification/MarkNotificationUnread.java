package dev.triage.application.notification;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;

/** Mark one notification of my inbox unread, to come back to it. */
public record MarkNotificationUnread(String notificationId) implements Command<NotificationView> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
