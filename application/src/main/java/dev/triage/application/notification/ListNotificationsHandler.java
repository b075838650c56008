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
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
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
    Optional<Notifications.Position> after = Optional.empty();
    if (query.position() != null) {
      after =
          Keyset.parse(query.position(), TAG, ListNotificationsHandler::isInstant)
              .map(k -> new Notifications.Position(Instant.parse(k.key()), k.id()));
      if (after.isEmpty()) {
        params.malformed("cursor", "is not a cursor of this list");
      }
    }
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    return notifications
        .page(Inboxes.of(context.actor(), policy), unread, after, limit + 1)
        .map(rows -> Result.ok(page(rows, limit)));
  }

  private static Page<NotificationView> page(List<NotificationView> rows, int limit) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<NotificationView> shown = rows.subList(0, limit);
    NotificationView last = shown.getLast();
    return new Page<>(
        shown, Optional.of(new Keyset(last.occurredAt().toString(), last.id()).position(TAG)));
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
