package dev.triage.application.ticket.list;

import dev.triage.domain.access.TicketScope;
import dev.triage.domain.ticket.Channel;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * @param groups the ticket's group must be one of these (an empty set matches nothing); empty means
 *     any group or none
 * @param noGroup only tickets in no group
 * @param cc only tickets this user is a CC of
 * @param participant only tickets this user opened or is a CC of (a customer's scope)
 * @param channel only tickets that came in by this channel
 * @param snoozed only snoozed tickets (true) or only tickets not snoozed (false); empty means any
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
    Map<String, Object> fields,
    Optional<Set<UUID>> groups,
    boolean noGroup,
    Optional<UserId> cc,
    Optional<UserId> participant,
    Optional<Channel> channel,
    Optional<Boolean> snoozed) {

  public TicketCriteria {
    cc = cc == null ? Optional.empty() : cc;
    participant = participant == null ? Optional.empty() : participant;
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
    groups = Objects.requireNonNull(groups, "groups").map(Set::copyOf);
    channel = channel == null ? Optional.empty() : channel;
    snoozed = snoozed == null ? Optional.empty() : snoozed;
  }

  /** Criteria that do not look at snoozes. */
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
      Instant now,
      Map<String, Object> fields,
      Optional<Set<UUID>> groups,
      boolean noGroup,
      Optional<UserId> cc,
      Optional<UserId> participant,
      Optional<Channel> channel) {
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
        fields,
        groups,
        noGroup,
        cc,
        participant,
        channel,
        Optional.empty());
  }

  /** Criteria that do not look at CCs nor at the channel. */
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
      Instant now,
      Map<String, Object> fields,
      Optional<Set<UUID>> groups,
      boolean noGroup) {
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
        fields,
        groups,
        noGroup,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Criteria without custom field filters that do not look at groups. */
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
        Map.of(),
        Optional.empty(),
        false);
  }

  /**
   * These criteria kept to {@code scope}: a customer's scope to the tickets they opened or are a CC
   * of, whether snoozed or not (a snooze is how staff order their queue); a scope of groups narrows
   * the groups asked for to those (and a list of tickets in no group to nothing).
   */
  public TicketCriteria within(TicketScope scope) {
    if (scope.onlyRequester().isPresent()) {
      return new TicketCriteria(
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
          fields,
          groups,
          noGroup,
          cc,
          scope.onlyRequester(),
          channel,
          Optional.empty());
    }
    if (scope.onlyGroups().isEmpty()) {
      return this;
    }
    Set<UUID> allowed = scope.onlyGroups().get();
    Set<UUID> kept =
        noGroup
            ? Set.of()
            : groups
                .map(g -> g.stream().filter(allowed::contains).collect(Collectors.toSet()))
                .orElse(allowed);
    return new TicketCriteria(
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
        fields,
        Optional.of(kept),
        false,
        cc,
        participant,
        channel,
        snoozed);
  }
}
