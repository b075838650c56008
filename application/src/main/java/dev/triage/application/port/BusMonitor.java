package dev.triage.application.port;

import java.time.Duration;

/** Where the bus reports each request it ran: logs and metrics live behind this port. */
public interface BusMonitor {

  /**
   * @param kind {@code command} or {@code query}
   * @param outcome {@code ok}, the lower-case error code of a rejection, or {@code fault}
   */
  void completed(
      String requestName, String kind, String outcome, Duration duration, String requestId);
}
