package dev.triage.application.notification;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Counts the unread notifications of the caller's inbox, as the unread list would show them. */
public final class CountUnreadNotificationsHandler
    implements Handler<CountUnreadNotifications, Long> {

  private final Notifications notifications;
  private final AccessPolicy policy;

  public CountUnreadNotificationsHandler(Notifications notifications, AccessPolicy policy) {
    this.notifications = notifications;
    this.policy = policy;
  }

  @Override
  public Uni<Result<Long>> handle(CountUnreadNotifications query, RequestContext context) {
    return notifications.countUnread(Inboxes.of(context.actor(), policy)).map(Result::ok);
  }
}
