package dev.triage.application.mail;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.Map;

/**
 * I switch some notification kinds on or off for e-mail; kinds left out stay as they are.
 *
 * @param email kind name to on ({@code true}) or off ({@code false}), as the client sent it (null
 *     when absent; a null value is refused)
 */
public record ChangeNotificationSettings(Map<String, Boolean> email)
    implements Command<NotificationSettingsView> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
