package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * A database unit of work. Everything a command writes (its effect, audit, outbox, idempotency
 * record) happens inside one {@link #transactional} call, so it all commits or none of it does.
 */
public interface UnitOfWork {

  /**
   * Runs {@code work} in one transaction: committed if the Uni succeeds, rolled back if it fails.
   */
  <T> Uni<T> transactional(Supplier<Uni<T>> work);

  /** Runs {@code work} with a database session and no write transaction. */
  <T> Uni<T> readOnly(Supplier<Uni<T>> work);
}
