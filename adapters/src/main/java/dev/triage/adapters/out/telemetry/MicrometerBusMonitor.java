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
      LOG.infof(
          "%s %s -> %s in %.1f ms [request %s]",
          kind, requestName, outcome, duration.toNanos() / 1e6, requestId);
    } else if (LOG.isDebugEnabled()) {
      LOG.debugf(
          "%s %s -> %s in %.1f ms [request %s]",
          kind, requestName, outcome, duration.toNanos() / 1e6, requestId);
    }
  }
}
