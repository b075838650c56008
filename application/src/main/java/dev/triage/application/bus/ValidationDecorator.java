package dev.triage.application.bus;

import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Checks a request's jakarta.validation constraints before anything else runs, and turns violations
 * into a {@code VALIDATION_FAILED} rejection with messages per field.
 */
public final class ValidationDecorator implements Decorator {

  private final Validator validator;

  public ValidationDecorator(Validator validator) {
    this.validator = validator;
  }

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    Set<ConstraintViolation<Request<R>>> violations = validator.validate(request);
    if (violations.isEmpty()) {
      return next.get();
    }
    Map<String, List<String>> errors = new TreeMap<>();
    for (ConstraintViolation<?> v : violations) {
      errors
          .computeIfAbsent(v.getPropertyPath().toString(), k -> new ArrayList<>())
          .add(v.getMessage());
    }
    errors.values().forEach(messages -> messages.sort(null));
    return Uni.createFrom().item(Result.invalid(errors));
  }
}
