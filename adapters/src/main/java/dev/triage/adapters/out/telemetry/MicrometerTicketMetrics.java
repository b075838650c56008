package dev.triage.adapters.out.telemetry;

import dev.triage.application.port.TicketMetrics;
import dev.triage.domain.ticket.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts opened tickets as {@code triage_tickets_created_total} by priority. Every priority's
 * counter exists from start-up at zero, so {@code rate()} and {@code increase()} see the first
 * ticket of a priority too.
 */
@ApplicationScoped
public class MicrometerTicketMetrics implements TicketMetrics {

  private final Map<Priority, Counter> created = new EnumMap<>(Priority.class);

  public MicrometerTicketMetrics(MeterRegistry registry) {
    for (Priority priority : Priority.values()) {
      created.put(
          priority,
          Counter.builder("triage.tickets.created")
              .description("Tickets opened, by priority at opening")
              .tag("priority", priority.name())
              .register(registry));
    }
  }

  @Override
  public void created(Priority priority) {
    created.get(priority).increment();
  }
}
