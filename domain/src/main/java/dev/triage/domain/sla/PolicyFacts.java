package dev.triage.domain.sla;

import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticket fields a policy condition reads, and nothing else: selection cannot depend on a field
 * that is not here. A change to one of them (priority, category, tags) is when a ticket's policy is
 * selected again.
 */
public record PolicyFacts(
    Priority priority, Optional<Category> category, Tags tags, UserId requesterId) {

  public PolicyFacts {
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(requesterId, "requesterId");
  }

  public static PolicyFacts of(Ticket ticket) {
    return new PolicyFacts(
        ticket.priority(), ticket.category(), ticket.tags(), ticket.requesterId());
  }
}
