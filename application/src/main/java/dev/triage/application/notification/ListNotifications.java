package dev.triage.application.notification;

import dev.triage.application.Page;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;

/**
 * What is in my inbox? Newest first; with {@code unread} {@code true}, only what I have not read.
 * Parameters arrive as the client sent them (null when absent); the handler reads them.
 *
 * @param position the decoded cursor of the previous page, if any
 */
public record ListNotifications(String unread, String limit, String position)
    implements Query<Page<NotificationView>> {

  @Override
  public Access requiredAccess() {
    return Access.SIGNED_IN;
  }
}
