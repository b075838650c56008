package dev.triage.application.notification;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;

/**
 * A keyset page of the caller's inbox: asks for one notification more than the limit to learn
 * whether another page follows, and hands out the last one's (time, id) as the next start.
 */
public final class ListNotificationsHandler
    implements Handler<ListNotifications, Page<NotificationView>> {

  static final String TAG = "n";

  private final Notifications notifications;
  private final AccessPolicy policy;

  public ListNotificationsHandler(Notifications notifications, AccessPolicy policy) {
    this.notifications = notifications;
    this.policy = policy;
  }

  @Override
  public Uni<Result<Page<NotificationView>>> handle(
      ListNotifications query, RequestContext context) {
    QueryParams params = new QueryParams();
    boolean unread = params.flag("unread", query.unread());
    int limit = params.limit(query.limit());
    Optional<Notifications.Position> after =
        params
            .cursor(query.position(), TAG, Keyset::isInstant)
            .map(k -> new Notifications.Position(Instant.parse(k.key()), k.id()));
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    return notifications
        .page(Inboxes.of(context.actor(), policy), unread, after, limit + 1)
        .map(rows -> Result.ok(Page.of(rows, limit, ListNotificationsHandler::position)));
  }

  /** Where the page after {@code last} starts: its time and id. */
  private static String position(NotificationView last) {
    return new Keyset(last.occurredAt().toString(), last.id()).position(TAG);
  }
}
