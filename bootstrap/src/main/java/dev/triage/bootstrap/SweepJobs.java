package dev.triage.bootstrap;

import dev.triage.adapters.out.telemetry.SlaDueGauge;
import dev.triage.application.bus.Bus;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.SweepCandidates;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.sweep.SweepSettings;
import dev.triage.application.sweep.Sweeps;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the sweeps on every replica every {@code triage.sweeps.period} (SLA alarms, automatic
 * escalation, auto-close, snoozes that are over; ADR 0008, 0030), and refreshes the SLA due-date
 * gauge. Replicas need no coordination: each ticket is locked with SKIP LOCKED and re-checked, so
 * an effect happens once. {@code triage.sweeps.enabled=false} stops the timer; the passes can still
 * be run directly.
 */
@ApplicationScoped
public class SweepJobs {

  private static final Logger LOG = Logger.getLogger(SweepJobs.class);

  private final Sweeps sweeps;
  private final SlaDueGauge slaDue;
  private final boolean enabled;

  public SweepJobs(
      Bus bus,
      SweepCandidates candidates,
      Tickets tickets,
      SlaClocks sla,
      UnitOfWork unitOfWork,
      SweepSettings settings,
      CurrentSettings current,
      Clock clock,
      SlaDueGauge slaDue,
      @ConfigProperty(name = "triage.sweeps.enabled", defaultValue = "true") boolean enabled) {
    this.sweeps = new Sweeps(bus, candidates, tickets, sla, unitOfWork, settings, current, clock);
    this.slaDue = slaDue;
    this.enabled = enabled;
  }

  /** The passes themselves, for callers that run them on their own (tests, tools). */
  public Sweeps sweeps() {
    return sweeps;
  }

  @Scheduled(
      identity = "sweeps",
      every = "${triage.sweeps.period:30s}",
      delayed = "${triage.sweeps.period:30s}",
      concurrentExecution = ConcurrentExecution.SKIP)
  void onTimer() {
    if (!enabled) {
      return;
    }
    try {
      int alarms = await(sweeps::slaAlarms);
      int escalated = await(sweeps::autoEscalation);
      int closed = await(sweeps::autoClose);
      int woke = await(sweeps::wakeSnoozed);
      if (alarms + escalated + closed + woke > 0) {
        LOG.infof(
            "Sweeps: %d tickets with SLA alarms, %d escalated, %d closed, %d woke",
            alarms, escalated, closed, woke);
      }
    } catch (Throwable failure) {
      LOG.warnf("A sweep failed, the next run tries again: %s", failure.toString());
    }
  }

  @Scheduled(
      identity = "sla-due-gauge",
      every = "${triage.metrics.open-tickets.refresh}",
      concurrentExecution = ConcurrentExecution.SKIP)
  Uni<Void> refreshSlaDue() {
    return slaDue.refresh().replaceWithVoid();
  }

  private static int await(Supplier<Uni<Integer>> pass) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(pass);
  }
}
