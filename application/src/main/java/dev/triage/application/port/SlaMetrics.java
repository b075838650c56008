package dev.triage.application.port;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;

/** Counts the SLA warnings and breaches the sweep records, by clock and priority. */
public interface SlaMetrics {

  void warning(SlaClock clock, Priority priority);

  void breach(SlaClock clock, Priority priority);

  /** Counts nothing; for tests and tools that run use cases without metrics. */
  SlaMetrics NONE =
      new SlaMetrics() {
        @Override
        public void warning(SlaClock clock, Priority priority) {}

        @Override
        public void breach(SlaClock clock, Priority priority) {}
      };
}
