package dev.triage.application.notification;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Marks a notification unread. */
public final class MarkNotificationUnreadHandler
    implements Handler<MarkNotificationUnread, NotificationView> {

  private final Notifications notifications;
  private final AccessPolicy policy;

  public MarkNotificationUnreadHandler(Notifications notifications, AccessPolicy policy) {
    this.notifications = notifications;
    this.policy = policy;
  }

  @Override
  public Uni<Result<NotificationView>> handle(
      MarkNotificationUnread command, RequestContext context) {
    return ReadMarks.mark(
        notifications, policy, command.notificationId(), n -> Optional.empty(), context);
  }
}
