package dev.triage.application.bus;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one visible place where each request type is paired with its handler; nothing is found by
 * scanning the classpath.
 */
public final class HandlerRegistry {

  private final Map<Class<?>, Handler<?, ?>> handlers = new HashMap<>();

  public <Q extends Request<R>, R> HandlerRegistry register(
      Class<Q> type, Handler<? super Q, R> handler) {
    if (handlers.putIfAbsent(type, handler) != null) {
      throw new IllegalStateException("A handler for " + type.getName() + " is already registered");
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  <R> Handler<Request<R>, R> find(Request<R> request) {
    Handler<?, ?> handler = handlers.get(request.getClass());
    if (handler == null) {
      throw new IllegalStateException("No handler registered for " + request.getClass().getName());
    }
    return (Handler<Request<R>, R>) handler;
  }

  public Set<Class<?>> registeredTypes() {
    return Set.copyOf(handlers.keySet());
  }
}
