package dev.triage.bootstrap.operations;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.port.UnitOfWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A command whose caller goes away (a client that drops its connection while the command runs)
 * still ends its transaction as it would have: what it wrote is committed, not left to a session
 * closed under a live transaction.
 */
@QuarkusTest
class AbandonedCommandIT {

  @Inject UnitOfWork units;
  @Inject Vertx vertx;
  @Inject Pool pool;

  @Test
  void a_unit_of_work_whose_caller_goes_away_still_commits_what_it_wrote() throws Exception {
    String tag = "abandoned-" + UUID.randomUUID();
    CompletableFuture<Void> wrote = new CompletableFuture<>();
    CompletableFuture<Void> gate = new CompletableFuture<>();
    CompletableFuture<Void> cancelled = new CompletableFuture<>();
    AtomicReference<Cancellable> caller = new AtomicReference<>();
    Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
    VertxContextSafetyToggle.setContextSafe(context, true);

    context.runOnContext(
        ignored ->
            caller.set(
                units
                    .transactional(
                        () ->
                            Panache.getSession()
                                .chain(
                                    s ->
                                        s.createNativeQuery(
                                                "insert into ticket_tag_counts (tag, n)"
                                                    + " values (:tag, 0)")
                                            .setParameter("tag", tag)
                                            .executeUpdate())
                                .invoke(() -> wrote.complete(null))
                                .chain(() -> Uni.createFrom().completionStage(gate)))
                    .subscribe()
                    .with(item -> {}, failure -> {})));
    wrote.get(30, SECONDS);
    context.runOnContext(
        ignored -> {
          caller.get().cancel();
          cancelled.complete(null);
        });
    cancelled.get(30, SECONDS);
    context.runOnContext(ignored -> gate.complete(null));

    // SHARE mode waits for the insert's transaction (ROW EXCLUSIVE) to end, committed or not.
    long rows =
        pool.withTransaction(
                c ->
                    c.query("lock table ticket_tag_counts in share mode")
                        .execute()
                        .chain(
                            () ->
                                c.preparedQuery(
                                        "select count(*) from ticket_tag_counts where tag = $1")
                                    .execute(Tuple.of(tag))))
            .map(r -> r.iterator().next().getLong(0))
            .await()
            .atMost(Duration.ofSeconds(30));
    pool.preparedQuery("delete from ticket_tag_counts where tag = $1")
        .execute(Tuple.of(tag))
        .await()
        .atMost(Duration.ofSeconds(30));

    assertThat(rows).as("the abandoned unit of work's row").isEqualTo(1);
  }
}
