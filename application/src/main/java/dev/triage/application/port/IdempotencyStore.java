package dev.triage.application.port;

import dev.triage.application.bus.Command;
import io.smallrye.mutiny.Uni;
import java.util.Objects;

/**
 * Remembers the answer to every command sent with an idempotency key, in the command's own
 * transaction, so that a retry gets the first answer again instead of causing a second effect. The
 * record of a command that rolls back (a rejection, a fault) disappears with it.
 */
public interface IdempotencyStore {

  /**
   * Whose key it is and for what: a key is only ever compared with the same caller's keys on the
   * same operation.
   *
   * @param caller the caller's user id, or {@code anonymous} for public commands
   * @param operation the HTTP method and path, e.g. {@code POST /api/v1/tickets}
   * @param key the client's {@code Idempotency-Key}
   */
  record Scope(String caller, String operation, String key) {
    public Scope {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
      // The key stays out of logs: it guards the stored answer.
      return "Scope[caller=" + caller + ", operation=" + operation + "]";
    }
  }

  /** What a claim found. */
  sealed interface Claim {

    /** The key is new (or its record expired): run the command, then {@link #complete}. */
    record Fresh() implements Claim {}

    /** The same command already succeeded with this key: answer {@code value} again. */
    record Replay(Object value) implements Claim {}

    /** The key was used for a different command body. */
    record Mismatch() implements Claim {}

    /** Another request with this key has not finished yet. */
    record InFlight() implements Claim {}
  }

  /**
   * Claims {@code scope} for {@code command} in the current transaction. A {@link Claim.Fresh}
   * claim holds the key until the transaction ends: a concurrent claim of it answers {@link
   * Claim.InFlight} meanwhile, and whatever the first one committed afterwards.
   */
  Uni<Claim> claim(Scope scope, Command<?> command);

  /**
   * Stores the success value of the command that claimed {@code scope}, in the same transaction;
   * {@code value} may be null (a command that answers nothing).
   */
  Uni<Void> complete(Scope scope, Object value);
}
