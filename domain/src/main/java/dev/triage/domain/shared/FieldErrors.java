package dev.triage.domain.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects every validation problem of one request by field, so a 422 can name all offending fields
 * at once. Fields are paths into the request body: {@code name}, {@code week.MONDAY[1]}, {@code
 * holidays[0].date}, {@code targets.HIGH.firstResponse}.
 */
public final class FieldErrors {

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  /** Records that {@code field} breaks a rule, described by {@code message}. */
  public FieldErrors add(String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** True when {@code field} already has a problem (to skip checks that depend on it). */
  public boolean has(String field) {
    return errors.containsKey(field);
  }

  /**
   * The value {@code valid} makes when nothing was recorded, else a rejection naming every field
   * (one field reads as {@link Result#invalid(String, String)} does).
   */
  public <T> Result<T> toResult(Supplier<T> valid) {
    if (errors.isEmpty()) {
      return Result.ok(valid.get());
    }
    if (errors.size() == 1 && errors.values().iterator().next().size() == 1) {
      Map.Entry<String, List<String>> only = errors.entrySet().iterator().next();
      return Result.invalid(only.getKey(), only.getValue().getFirst());
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
    return Result.invalid(copy);
  }

  /** Every problem, field by field: {@code {name=[must not be blank]}}. */
  @Override
  public String toString() {
    return errors.toString();
  }
}
