package dev.triage.domain.access;

import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tickets a list, search, count or live feed may include for an actor: all of them, or only
 * those one requester opened. Queries apply it as a filter, so the answer matches {@link
 * AccessPolicy#canSee}.
 */
public record TicketScope(Optional<UserId> onlyRequester) {

  private static final TicketScope ALL = new TicketScope(Optional.empty());

  public TicketScope {
    Objects.requireNonNull(onlyRequester, "onlyRequester");
  }

  public static TicketScope all() {
    return ALL;
  }

  public static TicketScope requestedBy(UserId requester) {
    return new TicketScope(Optional.of(requester));
  }

  public boolean includes(Ticket ticket) {
    return includesRequester(ticket.requesterId());
  }

  public boolean includesRequester(UserId requesterId) {
    return onlyRequester.map(r -> r.equals(requesterId)).orElse(true);
  }
}
