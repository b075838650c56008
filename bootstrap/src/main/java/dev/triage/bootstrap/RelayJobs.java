package dev.triage.bootstrap;

import dev.triage.adapters.out.relay.LiveEventFeed;
import dev.triage.adapters.out.relay.OutboxRelay;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox relay's poll on every replica (ADR 0009): database signals wake it within
 * milliseconds; this timer catches what a lost signal or a failed round left behind, and keeps the
 * lag gauge current.
 */
@ApplicationScoped
public class RelayJobs {

  private final OutboxRelay relay;
  private final LiveEventFeed live;

  public RelayJobs(OutboxRelay relay, LiveEventFeed live) {
    this.relay = relay;
    this.live = live;
  }

  @Scheduled(
      identity = "outbox-relay",
      every = "${triage.relay.poll}",
      concurrentExecution = ConcurrentExecution.SKIP)
  void poll() {
    relay.kick();
    live.catchUp();
  }

  /** Measured on its own, so a relay that keeps failing shows its lag growing. */
  @Scheduled(
      identity = "outbox-lag",
      every = "${triage.relay.poll}",
      concurrentExecution = ConcurrentExecution.SKIP)
  Uni<Void> measureLag() {
    return relay.refreshLag();
  }
}
