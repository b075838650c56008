package dev.triage.adapters.out.telemetry;

import dev.triage.application.port.SlaMetrics;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code triage_sla_warnings_total} and {@code triage_sla_breaches_total} by clock and priority,
 * every series present from start-up at zero.
 */
@ApplicationScoped
public class MicrometerSlaMetrics implements SlaMetrics {

  private final Map<String, Counter> counters = new HashMap<>();

  public MicrometerSlaMetrics(MeterRegistry registry) {
    for (SlaClock clock : SlaClock.values()) {
      for (Priority priority : Priority.values()) {
        counters.put(
            key("warning", clock, priority),
            Counter.builder("triage.sla.warnings")
                .description("SLA warnings recorded by the sweep, by clock and priority")
                .tag("clock", clock.name())
                .tag("priority", priority.name())
                .register(registry));
        counters.put(
            key("breach", clock, priority),
            Counter.builder("triage.sla.breaches")
                .description("SLA breaches recorded by the sweep, by clock and priority")
                .tag("clock", clock.name())
                .tag("priority", priority.name())
                .register(registry));
      }
    }
  }

  @Override
  public void warning(SlaClock clock, Priority priority) {
    counters.get(key("warning", clock, priority)).increment();
  }

  @Override
  public void breach(SlaClock clock, Priority priority) {
    counters.get(key("breach", clock, priority)).increment();
  }

  private static String key(String kind, SlaClock clock, Priority priority) {
    return kind + ':' + clock + ':' + priority;
  }
}
