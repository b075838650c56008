package dev.triage.application.notification;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Marking one notification, shared by read and unread: found only in the caller's own inbox (any
 * other id is NOT_FOUND, never FORBIDDEN, so ids leak nothing), locked, changed, and recorded for
 * the audit trail with its state before and after.
 */
final class ReadMarks {

  private ReadMarks() {}

  static Uni<Result<NotificationView>> mark(
      Notifications notifications,
      AccessPolicy policy,
      String notificationId,
      Function<NotificationView, Optional<Instant>> readAt,
      RequestContext context) {
    Optional<UUID> id = Uuids.parse(notificationId);
    if (id.isEmpty()) {
      return Uni.createFrom().item(missing(notificationId));
    }
    return notifications
        .lock(Inboxes.of(context.actor(), policy), id.get())
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return Uni.createFrom().item(missing(notificationId));
              }
              NotificationView before = found.get();
              NotificationView after = before.withReadAt(readAt.apply(before));
              context
                  .effects()
                  .changed(NotificationView.ENTITY, before.id().toString(), before, after);
              if (after.readAt().equals(before.readAt())) {
                return Uni.createFrom().item(Result.ok(after));
              }
              return notifications
                  .setReadAt(before.id(), after.readAt())
                  .replaceWith(Result.ok(after));
            });
  }

  private static Result<NotificationView> missing(String id) {
    return Result.err(ErrorCode.NOT_FOUND, "No notification " + id + " in your inbox.");
  }
}
