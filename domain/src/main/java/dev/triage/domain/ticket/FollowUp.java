package dev.triage.domain.ticket;

import dev.triage.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * What is needed to open the follow-up ticket when the requester replies to a CLOSED ticket: the
 * closed ticket stays final, and the reply becomes the description of a new, linked ticket. Pass it
 * to {@link Ticket#openFollowUp} with a fresh id and number.
 */
public record FollowUp(
    TicketId closedTicketId,
    TicketNumber closedTicketNumber,
    Actor requester,
    Title title,
    Description description,
    Priority priority,
    Optional<Category> category,
    Tags tags) {

  public FollowUp {
    Objects.requireNonNull(closedTicketId, "closedTicketId");
    Objects.requireNonNull(closedTicketNumber, "closedTicketNumber");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tags, "tags");
  }
}
