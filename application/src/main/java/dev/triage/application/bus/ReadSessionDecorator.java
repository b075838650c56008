package dev.triage.application.bus;

import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Gives a query a database session without a write transaction. */
public final class ReadSessionDecorator implements Decorator {

  private final UnitOfWork unitOfWork;

  public ReadSessionDecorator(UnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    return unitOfWork.readOnly(next);
  }
}
