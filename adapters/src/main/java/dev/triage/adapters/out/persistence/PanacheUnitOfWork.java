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
   */
  @Override
  public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
    return Panache.withTransaction(
        () -> {
          PendingAppends pending = PendingAppends.begin();
          return Uni.createFrom()
              .<T>deferred(work::get)
              .call(() -> pending.flush(json))
              .eventually(pending::end);
        });
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
