package dev.triage.application.bus;

import dev.triage.application.port.IdempotencyStore;
import dev.triage.application.port.IdempotencyStore.Claim;
import dev.triage.application.port.IdempotencyStore.Scope;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a command sent with an {@code Idempotency-Key} take effect at most once: the first request
 * runs and its answer is stored; a repeat with the same command is answered with the stored value
 * (marked as a replay), the same key with another command is refused, and a repeat while the first
 * is still running is told so.
 *
 * <p>It sits right inside the transaction decorator: requests refused by validation or
 * authorization never reach it, so they store nothing, and its record commits or rolls back with
 * the command's effect (a rejected command stores nothing either, so the client may fix and retry).
 */
public final class IdempotencyDecorator implements Decorator {

  /** The caller of a public command (register, login, refresh). */
  public static final String ANONYMOUS = "anonymous";

  /** Longest key accepted, as most APIs that take one. */
  public static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyStore store;

  public IdempotencyDecorator(IdempotencyStore store) {
    this.store = store;
  }

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    Optional<String> key = context.idempotencyKey();
    if (!(request instanceof Command<R> command) || key.isEmpty()) {
      return next.get();
    }
    if (!wellFormed(key.get())) {
      return Uni.createFrom()
          .item(
              Result.err(
                  ErrorCode.MALFORMED_REQUEST,
                  "Idempotency-Key must be 1 to "
                      + MAX_KEY_LENGTH
                      + " printable ASCII characters."));
    }
    Scope scope = new Scope(callerOf(context), context.operation(), key.get());
    return store
        .claim(scope, command)
        .flatMap(
            claim ->
                switch (claim) {
                  case Claim.Fresh fresh -> runAndRemember(scope, next);
                  case Claim.Replay replay -> replay(replay, context);
                  case Claim.Mismatch mismatch ->
                      Uni.createFrom()
                          .item(
                              Result.<R>err(
                                  ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                  "This Idempotency-Key was already used for a different request;"
                                      + " send a new key with a new request."));
                  case Claim.InFlight inFlight ->
                      Uni.createFrom()
                          .item(
                              Result.<R>err(
                                  ErrorCode.IDEMPOTENCY_IN_FLIGHT,
                                  "A request with this Idempotency-Key is still running; retry in"
                                      + " a moment to get its answer."));
                });
  }

  private <R> Uni<Result<R>> runAndRemember(Scope scope, Supplier<Uni<Result<R>>> next) {
    return next.get()
        .call(
            result ->
                result instanceof Result.Ok<R> ok
                    ? store.complete(scope, ok.value())
                    : Uni.createFrom().voidItem());
  }

  /**
   * The stored value is of the type the same command answered the first time: the store only
   * replays a record whose fingerprint names the same command type and body.
   */
  @SuppressWarnings("unchecked")
  private static <R> Uni<Result<R>> replay(Claim.Replay replay, RequestContext context) {
    context.effects().markReplayed();
    return Uni.createFrom().item(Result.ok((R) replay.value()));
  }

  static String callerOf(RequestContext context) {
    return context.caller().map(c -> c.actor().id().value().toString()).orElse(ANONYMOUS);
  }

  public static boolean wellFormed(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
