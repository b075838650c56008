package dev.triage.bootstrap;

import dev.triage.application.mail.ChangeNotificationSettings;
import dev.triage.application.mail.ChangeNotificationSettingsHandler;
import dev.triage.application.mail.GetNotificationSettings;
import dev.triage.application.mail.GetNotificationSettingsHandler;
import dev.triage.application.mail.ListInboundMails;
import dev.triage.application.mail.ListInboundMailsHandler;
import dev.triage.application.mail.ListMailDeliveries;
import dev.triage.application.mail.ListMailDeliveriesHandler;
import dev.triage.application.port.InboundMails;
import dev.triage.application.port.MailDeliveries;
import dev.triage.application.port.MailSettings;
import dev.triage.application.port.TicketQueries;
import dev.triage.domain.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The e-mail use cases (ADR 0026), bound to their ports and registered with the bus. */
@ApplicationScoped
public class MailWiring {

  @Produces
  @Singleton
  HandlerModule mail(
      MailSettings settings,
      MailDeliveries deliveries,
      InboundMails inbound,
      TicketQueries queries,
      Clock clock) {
    return registry ->
        registry
            .register(GetNotificationSettings.class, new GetNotificationSettingsHandler(settings))
            .register(
                ChangeNotificationSettings.class,
                new ChangeNotificationSettingsHandler(settings, clock))
            .register(ListMailDeliveries.class, new ListMailDeliveriesHandler(deliveries))
            .register(
                ListInboundMails.class,
                new ListInboundMailsHandler(queries, inbound, AccessPolicy.defaults(), clock));
  }
}
