package dev.triage.application.port;

import dev.triage.application.dashboard.DashboardFigures;
import dev.triage.application.tag.TagCount;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.StoredTicket;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.TicketCriteria;
import dev.triage.application.ticket.list.TicketSummary;
import dev.triage.application.ticket.timeline.TimelineEntry;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of tickets: answers shaped for the screen, each one query (or a few, run side by
 * side) over indexes made for it, never aggregates loaded in a loop. Visibility is decided by the
 * caller from the access policy; this port only applies the filters it is given.
 */
public interface TicketQueries {

  /** A ticket's identity and requester: enough to decide who may read its comments and events. */
  record TicketRef(TicketId id, UserId requesterId, Optional<UUID> groupId, Set<UserId> ccIds) {

    public TicketRef {
      ccIds = ccIds == null ? Set.of() : Set.copyOf(ccIds);
    }

    /** A ticket without CCs. */
    public TicketRef(TicketId id, UserId requesterId, Optional<UUID> groupId) {
      this(id, requesterId, groupId, Set.of());
    }

    /** A ticket in no group. */
    public TicketRef(TicketId id, UserId requesterId) {
      this(id, requesterId, Optional.empty());
    }
  }

  /** A summary and the text of its sort key in the order asked for (for the next page's keyset). */
  record TicketRow(TicketSummary ticket, String sortKey) {}

  /** Up to {@code limit} tickets matching {@code criteria}, in its order, after its keyset. */
  Uni<List<TicketRow>> tickets(TicketCriteria criteria, int limit);

  /**
   * How many tickets match {@code criteria} (its filters and scope; its order and keyset do not
   * count), counting no further than {@code atMost}: the answer is at most {@code atMost}.
   */
  Uni<Long> count(TicketCriteria criteria, long atMost);

  Uni<Optional<TicketRef>> ref(TicketId id);

  /** The tags in use, the most used first, then by name: at most {@code limit}. */
  Uni<List<TagCount>> tags(int limit);

  /**
   * The ticket (its row: comments are read on their own) with what it keeps for its clocks, for
   * answering reads.
   */
  Uni<Optional<StoredTicket>> ticket(TicketId id);

  Uni<Optional<StoredTicket>> ticket(TicketNumber number);

  Uni<Optional<TicketRef>> ref(TicketNumber number);

  /**
   * Up to {@code limit} comments of a ticket, oldest first, after {@code after} (its key is the
   * creation instant); internal notes only when {@code withInternal}.
   */
  Uni<List<CommentView>> comments(
      TicketId ticket, boolean withInternal, Optional<Keyset> after, int limit);

  /**
   * Up to {@code limit} events of a ticket in the order they were recorded, after sequence {@code
   * after}; internal events only when {@code withInternal}.
   */
  Uni<List<TimelineEntry>> timeline(
      TicketId ticket, boolean withInternal, OptionalLong after, int limit);

  /** Every dashboard figure: counts now, SLA figures of clocks stopped in {@code [from, to)}. */
  Uni<DashboardFigures> dashboard(Instant from, Instant to, Instant now);
}
