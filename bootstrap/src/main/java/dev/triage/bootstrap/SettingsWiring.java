package dev.triage.bootstrap;

import dev.triage.application.port.Settings;
import dev.triage.application.settings.ChangeSettings;
import dev.triage.application.settings.ChangeSettingsHandler;
import dev.triage.application.settings.ShowSettings;
import dev.triage.application.settings.ShowSettingsHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The runtime settings' use cases, bound to their port and registered with the bus. */
@ApplicationScoped
public class SettingsWiring {

  @Produces
  @Singleton
  HandlerModule settings(Settings settings, Clock clock) {
    return registry ->
        registry
            .register(ShowSettings.class, new ShowSettingsHandler(settings))
            .register(ChangeSettings.class, new ChangeSettingsHandler(settings, clock));
  }
}
