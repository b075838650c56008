package dev.triage.application;

import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Chains the steps of a use case that answer {@code Uni<Result<...>>}: the next step runs on the
 * value of a success, and a rejection becomes the answer as it is, without running it. Handlers use
 * these instead of unwrapping {@link Result.Err} by hand in every chain.
 */
public final class Results {

  private Results() {}

  /** Runs {@code next} on the value {@code result} brings; a rejection is the answer as it is. */
  public static <A, B> Uni<Result<B>> then(
      Uni<Result<A>> result, Function<? super A, Uni<Result<B>>> next) {
    return result.flatMap(r -> then(r, next));
  }

  /** Runs {@code next} on the value of a result at hand; a rejection is the answer as it is. */
  public static <A, B> Uni<Result<B>> then(
      Result<A> result, Function<? super A, Uni<Result<B>>> next) {
    return switch (result) {
      case Result.Ok<A> ok -> next.apply(ok.value());
      case Result.Err<A> err -> Uni.createFrom().item(err.<B>cast());
    };
  }

  /** The value {@code result} brings, turned by {@code f}; a rejection is the answer as it is. */
  public static <A, B> Uni<Result<B>> map(
      Uni<Result<A>> result, Function<? super A, ? extends B> f) {
    return result.map(r -> r.map(f));
  }
}
