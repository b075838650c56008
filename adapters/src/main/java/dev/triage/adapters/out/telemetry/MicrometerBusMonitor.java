package dev.triage.adapters.out.telemetry;

import dev.triage.application.port.BusMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs every command (queries at debug level) with its duration and outcome, and records {@code
 * triage_commands_seconds} / {@code triage_queries_seconds} by name and outcome.
 */
@ApplicationScoped
public class MicrometerBusMonitor implements BusMonitor {

  private static final Logger LOG = Logger.getLogger("dev.triage.bus");

  private final MeterRegistry registry;

  /** The timers by kind, request and outcome: a few dozen, built once each. */
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  public MicrometerBusMonitor(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(
      String requestName, String kind, String outcome, Duration duration, String requestId) {
    timers
        .computeIfAbsent(
            List.of(kind, requestName, outcome),
            key ->
                Timer.builder("query".equals(kind) ? "triage.queries" : "triage.commands")
                    .description("Time to run a " + kind + " through the bus, by outcome")
                    .tag(kind, requestName)
                    .tag("outcome", outcome)
                    .register(registry))
        .record(duration);
    if ("command".equals(kind) || !"ok".equals(outcome)) {
      LOG.info(line(kind, requestName, outcome, duration, requestId));
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(line(kind, requestName, outcome, duration, requestId));
    }
  }

  /**
   * "command CreateTicket -> ok in 8.3 ms [request ...]", put together without a format string
   * (parsing one per command was a visible share of a create's CPU).
   */
  static String line(
      String kind, String requestName, String outcome, Duration duration, String requestId) {
    long tenths = (duration.toNanos() + 50_000) / 100_000;
    return kind
        + ' '
        + requestName
        + " -> "
        + outcome
        + " in "
        + tenths / 10
        + '.'
        + tenths % 10
        + " ms [request "
        + requestId
        + ']';
  }
}
