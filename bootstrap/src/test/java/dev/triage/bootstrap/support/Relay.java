package dev.triage.bootstrap.support;

import dev.triage.adapters.out.relay.OutboxRelay;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;

/** Runs the outbox relay to the end from a test, instead of waiting for its timer. */
public final class Relay {

  private Relay() {}

  /**
   * Publishes every event committed so far. A round that the database's signal started on its own
   * may hold some events while {@code drain()} runs (it skips what another round claimed), so first
   * waits for every transaction that touches the outbox, then drains, until nothing is unpublished.
   */
  public static void publishAll(Pool pool, OutboxRelay relay) throws Throwable {
    for (int rounds = 0; rounds < 100; rounds++) {
      VertxContextSupport.subscribeAndAwait(
          () ->
              pool.withTransaction(
                  tx -> tx.query("lock table outbox in exclusive mode").execute()));
      VertxContextSupport.subscribeAndAwait(() -> relay.drain());
      long waiting =
          VertxContextSupport.subscribeAndAwait(
              () ->
                  pool.query("select count(*) from outbox where published_at is null")
                      .execute()
                      .map(rows -> rows.iterator().next().getLong(0)));
      if (waiting == 0) {
        return;
      }
    }
    throw new AssertionError("the outbox did not drain");
  }
}
