package dev.triage.application.ticket;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the validation rejections of several domain value factories, so that one answer names
 * every invalid field instead of the first only.
 */
public final class FieldErrors {

  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  private Result.Err<?> other;

  /** The value of {@code result}, or empty after recording its rejection. */
  public <T> Optional<T> take(Result<T> result) {
    return switch (result) {
      case Result.Ok<T> ok -> Optional.of(ok.value());
      case Result.Err<T> err -> {
        if (err.code() == ErrorCode.VALIDATION_FAILED && !err.fieldErrors().isEmpty()) {
          err.fieldErrors()
              .forEach((k, v) -> errors.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        } else if (other == null) {
          other = err;
        }
        yield Optional.empty();
      }
    };
  }

  public boolean any() {
    return other != null || !errors.isEmpty();
  }

  /** The gathered rejection; only meaningful when {@link #any()} is true. */
  public <T> Result<T> rejection() {
    return other != null ? other.cast() : Result.invalid(errors);
  }
}
