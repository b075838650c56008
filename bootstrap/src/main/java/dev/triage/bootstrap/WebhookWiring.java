package dev.triage.bootstrap;

import dev.triage.application.port.WebhookDeliveries;
import dev.triage.application.port.WebhookTargets;
import dev.triage.application.port.Webhooks;
import dev.triage.application.webhook.DeleteWebhook;
import dev.triage.application.webhook.DeleteWebhookHandler;
import dev.triage.application.webhook.FindWebhook;
import dev.triage.application.webhook.FindWebhookHandler;
import dev.triage.application.webhook.ListWebhookDeliveries;
import dev.triage.application.webhook.ListWebhookDeliveriesHandler;
import dev.triage.application.webhook.ListWebhooks;
import dev.triage.application.webhook.ListWebhooksHandler;
import dev.triage.application.webhook.RedeliverWebhookDelivery;
import dev.triage.application.webhook.RedeliverWebhookDeliveryHandler;
import dev.triage.application.webhook.RegisterWebhook;
import dev.triage.application.webhook.RegisterWebhookHandler;
import dev.triage.application.webhook.UpdateWebhook;
import dev.triage.application.webhook.UpdateWebhookHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The webhook use cases, bound to their ports and registered with the bus. */
@ApplicationScoped
public class WebhookWiring {

  @Produces
  @Singleton
  HandlerModule webhooks(
      Webhooks webhooks, WebhookDeliveries deliveries, WebhookTargets targets, Clock clock) {
    return registry -> {
      registry
          .register(RegisterWebhook.class, new RegisterWebhookHandler(webhooks, targets, clock))
          .register(ListWebhooks.class, new ListWebhooksHandler(webhooks))
          .register(FindWebhook.class, new FindWebhookHandler(webhooks))
          .register(UpdateWebhook.class, new UpdateWebhookHandler(webhooks, targets, clock))
          .register(DeleteWebhook.class, new DeleteWebhookHandler(webhooks))
          .register(
              ListWebhookDeliveries.class, new ListWebhookDeliveriesHandler(webhooks, deliveries))
          .register(
              RedeliverWebhookDelivery.class,
              new RedeliverWebhookDeliveryHandler(deliveries, clock));
    };
  }
}
