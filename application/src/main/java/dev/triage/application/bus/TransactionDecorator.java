package dev.triage.application.bus;

import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs the rest of a command's chain in one transaction. A rejection rolls the transaction back
 * too, so a handler that wrote something before refusing leaves no trace. After a commit that
 * appended events it runs {@code eventsCommitted} (the outbox's wake-up on this replica), so no
 * signal is sent from inside the transaction.
 */
public final class TransactionDecorator implements Decorator {

  private final UnitOfWork unitOfWork;
  private final Runnable eventsCommitted;

  public TransactionDecorator(UnitOfWork unitOfWork, Runnable eventsCommitted) {
    this.unitOfWork = unitOfWork;
    this.eventsCommitted = eventsCommitted;
  }

  /** Without a wake-up after commits: publication waits for the publisher's own poll. */
  public TransactionDecorator(UnitOfWork unitOfWork) {
    this(unitOfWork, () -> {});
  }

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    return unitOfWork
        .<Result<R>>transactional(
            () ->
                next.get()
                    .onItem()
                    .transformToUni(
                        result ->
                            result instanceof Result.Err<R> err
                                ? Uni.createFrom().<Result<R>>failure(new Rejected(err))
                                : Uni.createFrom().item(result)))
        .invoke(
            result -> {
              if (context.effects().eventsAppended()) {
                eventsCommitted.run();
              }
            })
        .onFailure(Rejected.class)
        .recoverWithItem(failure -> ((Rejected) failure).<R>rejection());
  }

  /** Carries a rejection out of the transaction so that it rolls back; never leaves this class. */
  private static final class Rejected extends RuntimeException {
    private final transient Result.Err<?> err;

    Rejected(Result.Err<?> err) {
      super(err.code().name(), null, false, false);
      this.err = err;
    }

    <R> Result<R> rejection() {
      return err.cast();
    }
  }
}
