package dev.triage.bootstrap;

import dev.triage.adapters.out.telemetry.OpenTicketsGauge;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refreshes the gauges that are read from the database on a timer, so that a Prometheus scrape
 * never queries it. A refresh still running when the next one is due is not doubled.
 */
@ApplicationScoped
public class GaugeRefresh {

  private final OpenTicketsGauge openTickets;

  public GaugeRefresh(OpenTicketsGauge openTickets) {
    this.openTickets = openTickets;
  }

  @Scheduled(
      identity = "open-tickets-gauge",
      every = "${triage.metrics.open-tickets.refresh}",
      concurrentExecution = ConcurrentExecution.SKIP)
  Uni<Void> refreshOpenTickets() {
    return openTickets.refresh().replaceWithVoid();
  }
}
