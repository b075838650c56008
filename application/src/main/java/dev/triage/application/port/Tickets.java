package dev.triage.application.port;

import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** The write side's ticket store: loads and saves whole aggregates inside a unit of work. */
public interface Tickets {

  /** The next value of the ticket number sequence: never repeated, never raced. */
  Uni<Long> nextNumber();

  Uni<Void> add(Ticket ticket);

  Uni<Optional<Ticket>> byId(TicketId id);

  Uni<Optional<Ticket>> byNumber(TicketNumber number);

  /** The ticket, row-locked until the transaction ends: concurrent commands on it queue up. */
  Uni<Optional<Ticket>> byIdForUpdate(TicketId id);

  Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number);

  /**
   * The ticket, row-locked until the transaction ends; empty when it does not exist or another
   * transaction holds its lock (SKIP LOCKED), so sweeps on several replicas never wait on each
   * other.
   */
  Uni<Optional<Ticket>> byIdForUpdateSkipLocked(TicketId id);

  /**
   * Saves {@code after}, which was derived from {@code before}; false when the stored ticket is no
   * longer at {@code before}'s version (nothing is written then).
   */
  Uni<Boolean> update(Ticket before, Ticket after);
}
