package dev.triage.domain.access;

import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which tickets a list, search, count or live feed may include for an actor: all of them, only
 * those one customer opened or is a CC of ({@code onlyRequester}), or only those in one of some
 * groups (an agent restricted to their groups; tickets in no group are not among them). Queries
 * apply it as a filter, so the answer matches {@link AccessPolicy#canSee}.
 */
public record TicketScope(Optional<UserId> onlyRequester, Optional<Set<UUID>> onlyGroups) {

  private static final TicketScope ALL = new TicketScope(Optional.empty(), Optional.empty());

  public TicketScope {
    Objects.requireNonNull(onlyRequester, "onlyRequester");
    Objects.requireNonNull(onlyGroups, "onlyGroups");
    onlyGroups = onlyGroups.map(Set::copyOf);
  }

  /** The tickets of one requester, or all of them. */
  public TicketScope(Optional<UserId> onlyRequester) {
    this(onlyRequester, Optional.empty());
  }

  public static TicketScope all() {
    return ALL;
  }

  public static TicketScope requestedBy(UserId requester) {
    return new TicketScope(Optional.of(requester), Optional.empty());
  }

  /** The tickets in one of {@code groups} (none when it is empty). */
  public static TicketScope inGroups(Set<UUID> groups) {
    return new TicketScope(Optional.empty(), Optional.of(groups));
  }

  public boolean includes(Ticket ticket) {
    return includes(ticket.requesterId(), ticket.participants().ccIds(), ticket.groupId());
  }

  /**
   * Whether a ticket opened by {@code requesterId}, copied to {@code ccIds}, in {@code group}
   * (empty: none), is in: a customer's scope holds the tickets they opened and those they are a CC
   * of.
   */
  public boolean includes(UserId requesterId, Set<UserId> ccIds, Optional<UUID> group) {
    boolean person =
        onlyRequester.map(r -> r.equals(requesterId) || ccIds.contains(r)).orElse(true);
    return person && onlyGroups.map(gs -> group.filter(gs::contains).isPresent()).orElse(true);
  }

  /** Whether a ticket opened by {@code requesterId}, in {@code group} (empty: none), is in. */
  public boolean includes(UserId requesterId, Optional<UUID> group) {
    return includesRequester(requesterId)
        && onlyGroups.map(gs -> group.filter(gs::contains).isPresent()).orElse(true);
  }

  /**
   * Whether tickets opened by {@code requesterId} may be in; for a scope of groups, only tickets of
   * those groups are (see {@link #includes(UserId, Optional)}).
   */
  public boolean includesRequester(UserId requesterId) {
    return onlyRequester.map(r -> r.equals(requesterId)).orElse(true);
  }

  /** True when the scope keeps tickets to some groups. */
  public boolean restrictsGroups() {
    return onlyGroups.isPresent();
  }
}
