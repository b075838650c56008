package dev.triage.bootstrap;

import dev.triage.application.notification.CountUnreadNotifications;
import dev.triage.application.notification.CountUnreadNotificationsHandler;
import dev.triage.application.notification.ListNotifications;
import dev.triage.application.notification.ListNotificationsHandler;
import dev.triage.application.notification.MarkAllNotificationsRead;
import dev.triage.application.notification.MarkAllNotificationsReadHandler;
import dev.triage.application.notification.MarkNotificationRead;
import dev.triage.application.notification.MarkNotificationReadHandler;
import dev.triage.application.notification.MarkNotificationUnread;
import dev.triage.application.notification.MarkNotificationUnreadHandler;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The in-app inbox use cases bound to their port and registered with the bus. The relay consumer
 * that fills the inboxes is a bean of its own, found by the relay.
 */
@ApplicationScoped
public class NotificationWiring {

  @Produces
  @Singleton
  HandlerModule notifications(Notifications notifications, Clock clock) {
    return registry -> {
      AccessPolicy policy = AccessPolicy.defaults();
      registry
          .register(ListNotifications.class, new ListNotificationsHandler(notifications, policy))
          .register(
              CountUnreadNotifications.class,
              new CountUnreadNotificationsHandler(notifications, policy))
          .register(
              MarkNotificationRead.class,
              new MarkNotificationReadHandler(notifications, policy, clock))
          .register(
              MarkNotificationUnread.class,
              new MarkNotificationUnreadHandler(notifications, policy))
          .register(
              MarkAllNotificationsRead.class,
              new MarkAllNotificationsReadHandler(notifications, policy, clock));
    };
  }
}
