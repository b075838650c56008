package dev.triage.application.port;

import dev.triage.application.sla.TicketSlaState;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The write side's ticket store, inside a unit of work. A ticket is its own row: comments are not
 * loaded with it (a command that changes one loads that one), and a change is stored by applying it
 * (the comment it wrote is inserted or updated, the ticket row updated), so a command costs the
 * same on a ticket with a thousand replies as on a new one. Each write also stores the due dates of
 * the running clocks ({@code sla}, evaluated once by the caller) for the read side, and what the
 * ticket keeps for its clocks beside the record ({@link TicketSlaState}: pinned versions,
 * next-reply facts).
 */
public interface Tickets {

  /** The next value of the ticket number sequence: never repeated, never raced. */
  Uni<Long> nextNumber();

  Uni<Void> add(Ticket ticket, TicketSlaState state, SlaStatus sla);

  /** The ticket, row-locked until the transaction ends: concurrent commands on it queue up. */
  Uni<Optional<Ticket>> byIdForUpdate(TicketId id);

  Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number);

  /**
   * The ticket, row-locked until the transaction ends; empty when it does not exist or another
   * transaction holds its lock (SKIP LOCKED), so sweeps on several replicas never wait on each
   * other.
   */
  Uni<Optional<Ticket>> byIdForUpdateSkipLocked(TicketId id);

  /** The comment {@code id} of {@code ticket}; empty when the ticket has no such comment. */
  Uni<Optional<Comment>> comment(TicketId ticket, CommentId id);

  /**
   * Stores {@code change} of {@code before}; false when the stored ticket is no longer at {@code
   * before}'s version (nothing is written then).
   */
  Uni<Boolean> update(Ticket before, TicketChange change, TicketSlaState state, SlaStatus sla);

  /**
   * What the ticket, loaded for update in this transaction, keeps for its clocks (no further read:
   * the row is already loaded).
   *
   * @throws IllegalStateException (as a failed Uni) when the ticket was not loaded in this
   *     transaction
   */
  Uni<TicketSlaState> slaState(TicketId id);

  /**
   * Up to {@code limit} ids of open tickets (OPEN, IN_PROGRESS, PENDING_CUSTOMER) after {@code
   * after}, in id order: the backlog re-apply walks in batches.
   */
  Uni<List<TicketId>> openAfter(Optional<TicketId> after, int limit);

  /**
   * Writes what is pending and lets go of everything loaded in this transaction (locks stay until
   * it ends), so a command that walks many tickets keeps only one batch in memory. Anything loaded
   * before must be loaded again.
   */
  Uni<Void> release();

  /**
   * Renames tag {@code from} to {@code to} on every ticket that has it, in place; a ticket that has
   * both keeps one. Each changed ticket's version rises by one. Answers how many changed.
   */
  Uni<Integer> renameTag(String from, String to);

  /**
   * Stores when the ticket, loaded for update in this transaction, next has an SLA alarm due (none:
   * empty), without changing the ticket: for a sweep that found nothing due yet.
   */
  Uni<Void> scheduleAlarm(TicketId id, Optional<Instant> at);
}
