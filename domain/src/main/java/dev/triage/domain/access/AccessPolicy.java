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

/**
 * All access decisions of Triage. Customers see only the tickets they opened, and of those never an
 * internal note or an internal event; a ticket they may not see is NOT_FOUND, not FORBIDDEN, so ids
 * leak nothing. Staff see everything. What an actor may do to a ticket is the aggregate's own
 * answer ({@code Ticket.check...}), under the configured {@link TicketRules}, which the application
 * must also pass to the aggregate's operations.
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

  /** Staff see every ticket; a customer only the ones they opened. */
  public boolean canSee(Actor actor, Ticket ticket) {
    return ticket.isVisibleTo(actor);
  }

  /** The ticket, or NOT_FOUND when {@code actor} may not see it. */
  public Result<Ticket> requireVisible(Actor actor, Ticket ticket) {
    return ticket.checkVisible(actor);
  }

  /** The filter for lists, searches, counts and feeds. */
  public TicketScope scope(Actor actor) {
    return actor.isStaff() ? TicketScope.all() : TicketScope.requestedBy(actor.id());
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
   * Whether {@code actor} may see an event, {@code internal} or not, of the ticket opened by {@code
   * requesterId}: staff see every event, a customer the public events of their own tickets.
   */
  public boolean canSeeEvent(Actor actor, UserId requesterId, boolean internal) {
    if (actor.isStaff()) {
      return true;
    }
    return actor.id().equals(requesterId) && !internal;
  }

  /** Filters a ticket's timeline for {@code actor}. */
  public List<TicketEvent> visibleEvents(Actor actor, Ticket ticket, List<TicketEvent> events) {
    return events.stream().filter(e -> canSeeEvent(actor, ticket.requesterId(), e)).toList();
  }
}
