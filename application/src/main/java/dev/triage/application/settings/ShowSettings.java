package dev.triage.application.settings;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/** What are the runtime settings now, and at which version? */
public record ShowSettings() implements Query<SettingsView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
