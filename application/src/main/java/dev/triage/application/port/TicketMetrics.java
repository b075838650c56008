package dev.triage.application.port;

import dev.triage.domain.ticket.Priority;

/**
 * Business events the use cases count, for operators' dashboards; the metrics registry lives behind
 * this port. Labels are bounded enums only, never ids.
 */
public interface TicketMetrics {

  /**
   * A ticket was opened. Called once the ticket is stored, inside the command's transaction: a
   * commit that fails afterwards (rare: the connection drops at that instant) still counts.
   */
  void created(Priority priority);

  /** Counts nothing; for tests and tools that run use cases without metrics. */
  TicketMetrics NONE = priority -> {};
}
