package dev.triage.application.bus;

import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends a command or query to its handler through the decorator chain of its kind. Commands and
 * queries have separate chains: a query never opens a write transaction.
 */
public final class Bus {

  private final HandlerRegistry registry;
  private final List<Decorator> commandChain;
  private final List<Decorator> queryChain;

  /** Decorators run in list order, the first one outermost. */
  public Bus(HandlerRegistry registry, List<Decorator> commandChain, List<Decorator> queryChain) {
    this.registry = registry;
    this.commandChain = List.copyOf(commandChain);
    this.queryChain = List.copyOf(queryChain);
  }

  /** Every request type that has a handler, commands and queries alike. */
  public Set<Class<?>> requestTypes() {
    return registry.registeredTypes();
  }

  public <R> Uni<Result<R>> send(Request<R> request, RequestContext context) {
    Handler<Request<R>, R> handler = registry.find(request);
    List<Decorator> chain =
        switch (request) {
          case Command<R> c -> commandChain;
          case Query<R> q -> queryChain;
        };
    return link(chain, 0, request, context, handler).get();
  }

  private static <R> Supplier<Uni<Result<R>>> link(
      List<Decorator> chain,
      int index,
      Request<R> request,
      RequestContext context,
      Handler<Request<R>, R> handler) {
    if (index == chain.size()) {
      return () -> Uni.createFrom().deferred(() -> handler.handle(request, context));
    }
    Decorator decorator = chain.get(index);
    Supplier<Uni<Result<R>>> next = link(chain, index + 1, request, context, handler);
    return () -> Uni.createFrom().deferred(() -> decorator.around(request, context, next));
  }
}
