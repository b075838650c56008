package dev.triage.application.port;

import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * Cheap pre-selection for the sweeps: ids of tickets that may be due, read from indexed columns
 * without loading aggregates. A candidate is only a hint; the sweep locks and re-checks each one
 * with the domain's decision before it changes anything.
 */
public interface SweepCandidates {

  /** OPEN tickets created at or before {@code createdAtOrBefore}, not auto-escalated yet. */
  Uni<List<TicketId>> staleOpen(Instant createdAtOrBefore, int limit);

  /** RESOLVED tickets last updated at or before {@code idleSinceAtOrBefore}. */
  Uni<List<TicketId>> resolvedIdle(Instant idleSinceAtOrBefore, int limit);

  /**
   * Tickets whose next SLA alarm (stored with each save, {@code SlaAlarmPolicy.nextAlarmAt}) is at
   * or before {@code now}, the earliest first.
   */
  Uni<List<TicketId>> slaAlarms(Instant now, int limit);

  /** Snoozed tickets whose snooze is over at {@code now}, the earliest first (V38). */
  Uni<List<TicketId>> snoozeOver(Instant now, int limit);
}
