package dev.triage.domain.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of an operation a user can cause: a value, or a rejection with an {@link ErrorCode}
 * and a message the user can act on. Rejections are values; faults are exceptions.
 */
public sealed interface Result<T> permits Result.Ok, Result.Err {

  /** A successful outcome. */
  record Ok<T>(T value) implements Result<T> {}

  /**
   * A rejection. {@code fieldErrors} maps a field name to its messages (validation), empty
   * otherwise.
   */
  record Err<T>(ErrorCode code, String message, Map<String, List<String>> fieldErrors)
      implements Result<T> {
    public Err {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** The same rejection, typed for another success type. */
    @SuppressWarnings("unchecked")
    public <U> Err<U> cast() {
      return (Err<U>) this;
    }
  }

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> err(ErrorCode code, String message) {
    return new Err<>(code, message, Map.of());
  }

  /** A validation rejection naming one field. */
  static <T> Result<T> invalid(String field, String message) {
    return new Err<>(
        ErrorCode.VALIDATION_FAILED, field + ": " + message, Map.of(field, List.of(message)));
  }

  /** A validation rejection naming several fields. */
  static <T> Result<T> invalid(Map<String, List<String>> fieldErrors) {
    return new Err<>(
        ErrorCode.VALIDATION_FAILED,
        "The request has invalid fields.",
        new LinkedHashMap<>(fieldErrors));
  }

  default boolean isOk() {
    return this instanceof Ok<T>;
  }

  default <U> Result<U> map(Function<? super T, ? extends U> f) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
      case Err<T> err -> err.cast();
    };
  }

  default <U> Result<U> flatMap(Function<? super T, Result<U>> f) {
    return switch (this) {
      case Ok<T> ok -> f.apply(ok.value());
      case Err<T> err -> err.cast();
    };
  }

  /** The value, or an {@link IllegalStateException} for a rejection: for tests and proven paths. */
  default T orElseThrow() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Err<T> err -> throw new IllegalStateException(err.code() + ": " + err.message());
    };
  }
}
