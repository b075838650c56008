package dev.triage.application.notification;

import dev.triage.application.port.Notifications;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.access.TicketScope;
import dev.triage.domain.user.Actor;

/**
 * The caller's own inbox, cut to what the access policy lets them see now: the same answer as
 * {@link AccessPolicy#canSeeEvent} for every notification in it.
 */
final class Inboxes {

  private Inboxes() {}

  static Notifications.Inbox of(Actor actor, AccessPolicy policy) {
    TicketScope scope = policy.scope(actor);
    return new Notifications.Inbox(
        actor.id(), actor.isStaff(), scope.onlyRequester(), scope.onlyGroups());
  }
}
