package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.application.port.UnitOfWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Units of work on the reactive Hibernate session bound to the current request context. */
@ApplicationScoped
public class PanacheUnitOfWork implements UnitOfWork {

  private final ObjectMapper json;

  public PanacheUnitOfWork(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The work's outbox events and audit entry are gathered and written in one statement after it
   * succeeds, before the commit ({@link PendingAppends}).
   *
   * <p>A transaction, once begun, runs to its end even when its caller goes away (a client that
   * drops its connection while the command runs cancels the request's subscription): it commits, or
   * rolls back on a failure, as it would have. Cancelled halfway, the session would be closed under
   * a live transaction (HR000090) and the commit dropped with an error in the log.
   */
  @Override
  public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
    Uni<T> transaction =
        Panache.withTransaction(
            () -> {
              PendingAppends pending = PendingAppends.begin();
              return Uni.createFrom()
                  .<T>deferred(work::get)
                  .call(() -> pending.flush(json))
                  .eventually(pending::end);
            });
    return Uni.createFrom()
        .emitter(outcome -> transaction.subscribe().with(outcome::complete, outcome::fail));
  }

  /**
   * Reads without a transaction. The session is opened only when the work asks for it, so a query
   * that reads through the connection pool alone (lists, search, dashboard, timeline) costs no
   * session.
   */
  @Override
  @WithSessionOnDemand
  public <T> Uni<T> readOnly(Supplier<Uni<T>> work) {
    return work.get();
  }
}
