package dev.triage.domain.ticket;

import static dev.triage.domain.ticket.Status.CLOSED;
import static dev.triage.domain.ticket.Status.IN_PROGRESS;
import static dev.triage.domain.ticket.Status.OPEN;
import static dev.triage.domain.ticket.Status.PENDING_CUSTOMER;
import static dev.triage.domain.ticket.Status.RESOLVED;

import dev.triage.domain.user.Actor;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The status rule table of DOMAIN.md in one place: which next statuses an actor may choose from a
 * given status. Staff rights and requester rights add up when a staff member is the requester.
 */
public final class Lifecycle {

  private Lifecycle() {}

  /**
   * The statuses {@code actor} may move a ticket to from {@code from}, in lifecycle order. {@code
   * actorIsRequester} says whether the actor opened the ticket; a customer who did not sees no
   * ticket and gets nothing.
   */
  public static Set<Status> allowedTargets(
      Status from, Actor actor, boolean actorIsRequester, TicketRules rules) {
    EnumSet<Status> allowed = EnumSet.noneOf(Status.class);
    if (actor.isStaff()) {
      allowed.addAll(staffTargets(from, actor.isAdmin()));
    }
    if (actorIsRequester) {
      allowed.addAll(requesterTargets(from, rules));
    }
    return Collections.unmodifiableSet(allowed);
  }

  private static Set<Status> staffTargets(Status from, boolean admin) {
    return switch (from) {
      case OPEN -> EnumSet.of(IN_PROGRESS);
      case IN_PROGRESS -> EnumSet.of(PENDING_CUSTOMER, RESOLVED);
      case PENDING_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
      case RESOLVED -> admin ? EnumSet.of(OPEN, CLOSED) : EnumSet.of(OPEN);
      case CLOSED -> EnumSet.noneOf(Status.class);
    };
  }

  private static Set<Status> requesterTargets(Status from, TicketRules rules) {
    return switch (from) {
      case OPEN -> EnumSet.of(CLOSED);
      case RESOLVED ->
          rules.requesterMayAcceptResolution() ? EnumSet.of(OPEN, CLOSED) : EnumSet.of(OPEN);
      case IN_PROGRESS, PENDING_CUSTOMER, CLOSED -> EnumSet.noneOf(Status.class);
    };
  }
}
