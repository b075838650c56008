package dev.triage.domain.notification;

import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The facts about one ticket event that deciding who hears of it needs: what happened, whether it
 * is staff-only, who did it, and the people of the ticket as they were right after it.
 *
 * @param type the event's stable name ({@link TicketEvent#type()})
 * @param internal staff-only; the requester never hears of it
 * @param assignee the ticket's assignee right after the event, if any
 * @param newAssignee for {@code TicketAssigned}: who got the ticket
 * @param ccs the ticket's CCs right after the event (they hear what the requester hears)
 * @param followers the ticket's followers right after the event (they hear what the assignee hears)
 * @param previousAssignee for {@code TicketAssigned} and {@code TicketUnassigned}: who had it
 */
public record Occurrence(
    String type,
    boolean internal,
    UserId actor,
    UserId requester,
    Optional<UserId> assignee,
    Optional<UserId> newAssignee,
    Optional<UserId> previousAssignee,
    Set<UserId> ccs,
    Set<UserId> followers) {

  /** The occurrence on a ticket without CCs or followers. */
  public Occurrence(
      String type,
      boolean internal,
      UserId actor,
      UserId requester,
      Optional<UserId> assignee,
      Optional<UserId> newAssignee,
      Optional<UserId> previousAssignee) {
    this(
        type,
        internal,
        actor,
        requester,
        assignee,
        newAssignee,
        previousAssignee,
        Set.of(),
        Set.of());
  }

  public Occurrence {
    ccs = ccs == null ? Set.of() : Set.copyOf(ccs);
    followers = followers == null ? Set.of() : Set.copyOf(followers);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(newAssignee, "newAssignee");
    Objects.requireNonNull(previousAssignee, "previousAssignee");
  }

  /**
   * The occurrence of {@code event} on a ticket opened by {@code requester} whose assignee right
   * after the event is {@code assignee}.
   */
  public static Occurrence of(TicketEvent event, UserId requester, Optional<UserId> assignee) {
    Optional<UserId> assigned = Optional.empty();
    Optional<UserId> previous = Optional.empty();
    if (event instanceof TicketEvent.TicketAssigned a) {
      assigned = Optional.of(a.assigneeId());
      previous = a.previous();
    } else if (event instanceof TicketEvent.TicketUnassigned u) {
      previous = Optional.of(u.previous());
    }
    return new Occurrence(
        event.type(),
        event.internal(),
        event.actor().id(),
        requester,
        assignee,
        assigned,
        previous);
  }
}
