package dev.triage.application.bus;

import dev.triage.application.port.BusMonitor;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Outermost link: reports every request's duration and outcome, whatever happens inside. */
public final class LoggingDecorator implements Decorator {

  private final BusMonitor monitor;

  public LoggingDecorator(BusMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    String kind = request instanceof Command<?> ? "command" : "query";
    long start = System.nanoTime();
    return next.get()
        .onItemOrFailure()
        .invoke(
            (result, failure) ->
                monitor.completed(
                    request.getClass().getSimpleName(),
                    kind,
                    outcome(result, failure),
                    Duration.ofNanos(System.nanoTime() - start),
                    context.requestId()));
  }

  private static String outcome(Result<?> result, Throwable failure) {
    if (failure != null) {
      return "fault";
    }
    return switch (result) {
      case Result.Ok<?> ok -> "ok";
      case Result.Err<?> err -> err.code().name().toLowerCase(Locale.ROOT);
    };
  }
}
