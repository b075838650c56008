package dev.triage.application.notification;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;

/** Marks a notification read now, or keeps the time it was first read. */
public final class MarkNotificationReadHandler
    implements Handler<MarkNotificationRead, NotificationView> {

  private final Notifications notifications;
  private final AccessPolicy policy;
  private final Clock clock;

  public MarkNotificationReadHandler(
      Notifications notifications, AccessPolicy policy, Clock clock) {
    this.notifications = notifications;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<NotificationView>> handle(
      MarkNotificationRead command, RequestContext context) {
    return ReadMarks.mark(
        notifications,
        policy,
        command.notificationId(),
        n -> n.readAt().or(() -> Optional.of(clock.instant())),
        context);
  }
}
