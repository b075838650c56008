package dev.triage.application.notification;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * Marks every unread notification of the caller's inbox read now. The audit trail records the inbox
 * (entity {@code NotificationInbox}, the user's id) with its unread count before and after.
 */
public final class MarkAllNotificationsReadHandler
    implements Handler<MarkAllNotificationsRead, Long> {

  /** The audited entity type of a whole inbox. */
  public static final String ENTITY = "NotificationInbox";

  /** An inbox's state as the audit trail keeps it. */
  public record InboxState(long unread) {}

  private final Notifications notifications;
  private final AccessPolicy policy;
  private final Clock clock;

  public MarkAllNotificationsReadHandler(
      Notifications notifications, AccessPolicy policy, Clock clock) {
    this.notifications = notifications;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Long>> handle(MarkAllNotificationsRead command, RequestContext context) {
    Notifications.Inbox inbox = Inboxes.of(context.actor(), policy);
    return notifications
        .markAllRead(inbox, clock.instant())
        .map(
            marked -> {
              context
                  .effects()
                  .changed(
                      ENTITY, inbox.user().toString(), new InboxState(marked), new InboxState(0));
              return Result.ok(marked);
            });
  }
}
