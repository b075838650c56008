package dev.triage.bootstrap;

import dev.triage.application.mail.ChangeNotificationSettings;
import dev.triage.application.mail.ChangeNotificationSettingsHandler;
import dev.triage.application.mail.GetNotificationSettings;
import dev.triage.application.mail.GetNotificationSettingsHandler;
import dev.triage.application.mail.ListMailDeliveries;
import dev.triage.application.mail.ListMailDeliveriesHandler;
import dev.triage.application.port.MailDeliveries;
import dev.triage.application.port.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The e-mail use cases (ADR 0026), bound to their ports and registered with the bus. */
@ApplicationScoped
public class MailWiring {

  @Produces
  @Singleton
  HandlerModule mail(MailSettings settings, MailDeliveries deliveries, Clock clock) {
    return registry ->
        registry
            .register(GetNotificationSettings.class, new GetNotificationSettingsHandler(settings))
            .register(
                ChangeNotificationSettings.class,
                new ChangeNotificationSettingsHandler(settings, clock))
            .register(ListMailDeliveries.class, new ListMailDeliveriesHandler(deliveries));
  }
}
