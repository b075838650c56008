package dev.triage.application.ticket.list;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the read side is asked for: the filters of a ticket list, already parsed and combined with
 * the caller's scope ({@code requester} is the customer themself when the policy says so).
 *
 * @param statuses the statuses wanted; empty means any
 * @param unassigned only tickets without an assignee ({@code assignee} is then empty)
 * @param overdue only tickets whose running clock is past its due date at {@code now}
 * @param createdFrom inclusive lower bound of the creation time
 * @param createdUntil exclusive upper bound of the creation time
 * @param text a full-text query over title, description and public comments
 * @param tags tags every ticket must have (normalized); empty means any
 * @param fields custom field values every ticket must hold, by key (a MULTI_SELECT value is a list
 *     of the one option it must include); empty means any
 */
public record TicketCriteria(
    Optional<UserId> requester,
    Set<Status> statuses,
    Optional<Priority> priority,
    Optional<UserId> assignee,
    boolean unassigned,
    boolean overdue,
    boolean escalated,
    Optional<Instant> createdFrom,
    Optional<Instant> createdUntil,
    Optional<String> text,
    List<String> tags,
    TicketSort sort,
    Optional<Keyset> after,
    Instant now,
    Map<String, Object> fields) {

  /** Criteria without custom field filters. */
  public TicketCriteria(
      Optional<UserId> requester,
      Set<Status> statuses,
      Optional<Priority> priority,
      Optional<UserId> assignee,
      boolean unassigned,
      boolean overdue,
      boolean escalated,
      Optional<Instant> createdFrom,
      Optional<Instant> createdUntil,
      Optional<String> text,
      List<String> tags,
      TicketSort sort,
      Optional<Keyset> after,
      Instant now) {
    this(
        requester,
        statuses,
        priority,
        assignee,
        unassigned,
        overdue,
        escalated,
        createdFrom,
        createdUntil,
        text,
        tags,
        sort,
        after,
        now,
        Map.of());
  }

  public TicketCriteria {
    Objects.requireNonNull(requester, "requester");
    statuses = Set.copyOf(statuses);
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(createdFrom, "createdFrom");
    Objects.requireNonNull(createdUntil, "createdUntil");
    Objects.requireNonNull(text, "text");
    tags = List.copyOf(tags);
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(now, "now");
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}
