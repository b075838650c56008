package dev.triage.application.mail;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** Which notifications reach me by e-mail? */
public record GetNotificationSettings() implements Query<NotificationSettingsView> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
