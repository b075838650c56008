package dev.triage.application.fakes;

import dev.triage.application.port.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A unit of work that runs the work at once and logs what a database would have done: {@code begin}
 * and then {@code commit} (the work succeeded) or {@code rollback} (it failed) for a transaction,
 * {@code session} for a read. It undoes nothing: the in-memory fakes keep what was written, so a
 * test of a rollback checks the log.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

  private final List<String> log = new ArrayList<>();

  @Override
  public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
    return logged(
        "begin",
        () ->
            work.get()
                .onItem()
                .invoke(() -> log.add("commit"))
                .onFailure()
                .invoke(() -> log.add("rollback")));
  }

  @Override
  public <T> Uni<T> readOnly(Supplier<Uni<T>> work) {
    return logged("session", work);
  }

  /** Runs {@code work} at each subscription, after logging {@code entry}. */
  private <T> Uni<T> logged(String entry, Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              log.add(entry);
              return work.get();
            });
  }

  /** What happened, in order: {@code begin}, {@code commit}, {@code rollback}, {@code session}. */
  public List<String> log() {
    return List.copyOf(log);
  }
}
