package dev.triage.application.mail;

import dev.triage.domain.notification.NotificationKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A user's notification settings: for each notification kind, whether it reaches them by e-mail.
 *
 * @param email every kind by name, in the kinds' order
 */
public record NotificationSettingsView(Map<String, Boolean> email) {

  /** The audited entity type of notification settings. */
  public static final String ENTITY = "NotificationSettings";

  public NotificationSettingsView {
    email = Map.copyOf(email);
  }

  /** Every kind on, except those in {@code off}. */
  public static NotificationSettingsView of(Set<NotificationKind> off) {
    Map<String, Boolean> email = new LinkedHashMap<>();
    for (NotificationKind kind : NotificationKind.values()) {
      email.put(kind.name(), !off.contains(kind));
    }
    return new NotificationSettingsView(email);
  }
}
