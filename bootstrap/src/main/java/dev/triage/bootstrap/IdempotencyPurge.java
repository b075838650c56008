package dev.triage.bootstrap;

import dev.triage.adapters.out.idempotency.SqlIdempotencyStore;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes expired idempotency records on a timer ({@code triage.idempotency.purge-every}). Every
 * replica runs it: each batch is one DELETE that skips rows another replica is deleting, so running
 * it many times at once deletes each row once and does no harm.
 */
@ApplicationScoped
public class IdempotencyPurge {

  private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

  private final SqlIdempotencyStore store;

  public IdempotencyPurge(SqlIdempotencyStore store) {
    this.store = store;
  }

  @Scheduled(
      identity = "idempotency-purge",
      every = "${triage.idempotency.purge-every}",
      concurrentExecution = ConcurrentExecution.SKIP)
  Uni<Void> onTimer() {
    return purge().replaceWithVoid();
  }

  /** One purge; answers how many records went (0 when the database could not be reached). */
  public Uni<Long> purge() {
    return store
        .purgeExpired()
        .invoke(
            deleted -> {
              if (deleted > 0) {
                LOG.debugf("Purged %d expired idempotency records", deleted);
              }
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("Could not purge expired idempotency records: %s", failure.toString());
              return 0L;
            });
  }
}
