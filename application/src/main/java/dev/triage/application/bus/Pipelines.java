package dev.triage.application.bus;

import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.BusMonitor;
import dev.triage.application.port.IdempotencyStore;
import dev.triage.application.port.UnitOfWork;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;

/**
 * The production decorator chains in the order ADR 2 gives them: the one place that order is
 * written, used by the wiring and by the test that asserts it.
 *
 * <p>Commands: logging, validation, authorization, transaction, idempotency, audit. The idempotency
 * record and the audit entry are written inside the command's transaction; the transaction tells
 * {@code eventsCommitted} after a commit that appended events. Queries: logging, validation,
 * authorization, a read session.
 */
public final class Pipelines {

  /** What the decorators need from the outside. */
  public record Parts(
      Validator validator,
      BusMonitor monitor,
      UnitOfWork unitOfWork,
      Runnable eventsCommitted,
      IdempotencyStore idempotency,
      AuditTrail audit,
      Clock clock) {}

  private Pipelines() {}

  /** A bus that sends each registered request through the chain of its kind. */
  public static Bus bus(HandlerRegistry registry, Parts parts) {
    return new Bus(registry, commands(parts), queries(parts));
  }

  /** The command chain, outermost first. */
  public static List<Decorator> commands(Parts parts) {
    return List.of(
        new LoggingDecorator(parts.monitor()),
        new AuthorizationDecorator(),
        new ValidationDecorator(parts.validator()),
        new TransactionDecorator(parts.unitOfWork(), parts.eventsCommitted()),
        new IdempotencyDecorator(parts.idempotency()),
        new AuditDecorator(parts.audit(), parts.clock()));
  }

  /** The query chain, outermost first. */
  public static List<Decorator> queries(Parts parts) {
    return List.of(
        new LoggingDecorator(parts.monitor()),
        new AuthorizationDecorator(),
        new ValidationDecorator(parts.validator()),
        new ReadSessionDecorator(parts.unitOfWork()));
  }
}
