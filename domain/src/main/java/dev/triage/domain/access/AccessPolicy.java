package dev.triage.domain.access;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketRules;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * All access decisions of Triage. Customers see only the tickets they opened, and of those never an
 * internal note or an internal event; a ticket they may not see is NOT_FOUND, not FORBIDDEN, so ids
 * leak nothing. Staff see everything, except agents restricted to their groups, who see only the
 * tickets of one of their groups (tickets in no group are not theirs); admins are never restricted.
 * What an actor may do to a ticket is the aggregate's own answer ({@code Ticket.check...}), under
 * the configured {@link TicketRules}, which the application must also pass to the aggregate's
 * operations.
 */
public final class AccessPolicy {

  private static final AccessPolicy DEFAULTS = new AccessPolicy(TicketRules.defaults());

  private final TicketRules rules;

  public AccessPolicy(TicketRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public static AccessPolicy defaults() {
    return DEFAULTS;
  }

  public TicketRules rules() {
    return rules;
  }

  // ---------------------------------------------------------------- seeing

  /**
   * Staff see every ticket (a restricted agent those of their groups); a customer only the ones
   * they opened or are a CC of.
   */
  public boolean canSee(Actor actor, Ticket ticket) {
    return ticket.isVisibleTo(actor);
  }

  /** The ticket, or NOT_FOUND when {@code actor} may not see it. */
  public Result<Ticket> requireVisible(Actor actor, Ticket ticket) {
    return ticket.checkVisible(actor);
  }

  /** The filter for lists, searches, counts and feeds. */
  public TicketScope scope(Actor actor) {
    if (!actor.isStaff()) {
      return TicketScope.requestedBy(actor.id());
    }
    return actor.restrictedToGroups() ? TicketScope.inGroups(actor.groupIds()) : TicketScope.all();
  }

  /**
   * Which of {@code comments}, comments of {@code ticket}, {@code actor} may read: none if they
   * cannot see the ticket, no internal notes for customers.
   */
  public List<Comment> visibleComments(Actor actor, Ticket ticket, List<Comment> comments) {
    if (!canSee(actor, ticket)) {
      return List.of();
    }
    return comments.stream().filter(c -> actor.isStaff() || !c.internal()).toList();
  }

  /** The events of the ticket opened by {@code requesterId} that {@code actor} may see. */
  public boolean canSeeEvent(Actor actor, UserId requesterId, TicketEvent event) {
    return canSeeEvent(actor, requesterId, event.internal());
  }

  /**
   * Whether {@code actor} may see an event, {@code internal} or not, of a ticket in no group opened
   * by {@code requesterId}; see {@link #canSeeEvent(Actor, UserId, Optional, boolean)}.
   */
  public boolean canSeeEvent(Actor actor, UserId requesterId, boolean internal) {
    return canSeeEvent(actor, requesterId, Optional.empty(), internal);
  }

  /**
   * Whether {@code actor} may see an event, {@code internal} or not, of the ticket opened by {@code
   * requesterId} in {@code group} (empty: none): staff see every event of the tickets they see, a
   * customer the public events of their own tickets.
   */
  public boolean canSeeEvent(
      Actor actor, UserId requesterId, Optional<UUID> group, boolean internal) {
    return canSeeEvent(actor, requesterId, Set.of(), group, internal);
  }

  /**
   * As {@link #canSeeEvent(Actor, UserId, Optional, boolean)} for a ticket copied to {@code ccIds}:
   * a CC sees the public events of the ticket as its requester does, for as long as they are one.
   */
  public boolean canSeeEvent(
      Actor actor, UserId requesterId, Set<UserId> ccIds, Optional<UUID> group, boolean internal) {
    if (actor.isStaff()) {
      return actor.seesGroup(group);
    }
    return (actor.id().equals(requesterId) || ccIds.contains(actor.id())) && !internal;
  }

  /** Filters a ticket's timeline for {@code actor}. */
  public List<TicketEvent> visibleEvents(Actor actor, Ticket ticket, List<TicketEvent> events) {
    return events.stream()
        .filter(
            e ->
                canSeeEvent(
                    actor,
                    ticket.requesterId(),
                    ticket.participants().ccIds(),
                    ticket.groupId(),
                    e.internal()))
        .toList();
  }
}
