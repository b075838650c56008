package dev.triage.application.port;

import dev.triage.application.notification.NotificationView;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The in-app inboxes: each user's notifications, newest first, read or unread. The relay fills
 * them; this port reads them and marks them, always within one inbox.
 */
public interface Notifications {

  /**
   * One user's inbox, limited to what that user may see now: internal events only for staff, and
   * for a customer only the tickets they opened, for an agent restricted to their groups only the
   * tickets now in one of them (the access policy's answer, applied as a filter).
   */
  record Inbox(
      UserId user,
      boolean internalToo,
      Optional<UserId> onlyRequester,
      Optional<Set<UUID>> onlyGroups) {
    public Inbox {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(onlyRequester, "onlyRequester");
      onlyGroups = Objects.requireNonNull(onlyGroups, "onlyGroups").map(Set::copyOf);
    }

    /** An inbox that does not look at groups. */
    public Inbox(UserId user, boolean internalToo, Optional<UserId> onlyRequester) {
      this(user, internalToo, onlyRequester, Optional.empty());
    }
  }

  /** The place of a notification in the order (occurred at descending, then id descending). */
  record Position(Instant occurredAt, UUID id) {}

  /** Up to {@code limit} notifications of {@code inbox} strictly after {@code after}. */
  Uni<List<NotificationView>> page(
      Inbox inbox, boolean unreadOnly, Optional<Position> after, int limit);

  /** How many notifications of {@code inbox} are unread. */
  Uni<Long> countUnread(Inbox inbox);

  /**
   * The notification {@code id} if it is in {@code inbox}, locked in the current transaction until
   * it ends; empty when it is someone else's, hidden, or missing.
   */
  Uni<Optional<NotificationView>> lock(Inbox inbox, UUID id);

  /** Sets when notification {@code id} was read; empty marks it unread. Current transaction. */
  Uni<Void> setReadAt(UUID id, Optional<Instant> readAt);

  /** Marks every unread notification of {@code inbox} read at {@code at}; how many it marked. */
  Uni<Long> markAllRead(Inbox inbox, Instant at);
}
