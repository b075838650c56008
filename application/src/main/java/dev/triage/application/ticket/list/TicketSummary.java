package dev.triage.application.ticket.list;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.user.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of a ticket list: what a queue screen shows, read straight from the tickets table
 * without loading the aggregate. No description, comments or history.
 *
 * @param slaDueAt the earlier due date of the running SLA clocks; empty when none runs
 * @param overdue a running clock is past its due date at the time of the query
 */
public record TicketSummary(
    UUID id,
    String number,
    String title,
    Priority priority,
    Status status,
    UUID requesterId,
    Optional<UUID> assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> slaDueAt,
    int escalationLevel,
    boolean overdue,
    Optional<UUID> groupId) {

  public TicketSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(assigneeId, "assigneeId");
    Objects.requireNonNull(slaDueAt, "slaDueAt");
    groupId = groupId == null ? Optional.empty() : groupId;
  }

  /**
   * The line as {@code viewer} may see it: escalations are internal events, so a customer sees
   * escalation level 0 and no group (as in {@code TicketView#seenBy}).
   */
  public TicketSummary seenBy(Actor viewer) {
    if (viewer.isStaff() || (escalationLevel == 0 && groupId.isEmpty())) {
      return this;
    }
    return new TicketSummary(
        id,
        number,
        title,
        priority,
        status,
        requesterId,
        assigneeId,
        createdAt,
        updatedAt,
        slaDueAt,
        0,
        overdue,
        Optional.empty());
  }
}
