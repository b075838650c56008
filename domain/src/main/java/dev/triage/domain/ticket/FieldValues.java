package dev.triage.domain.ticket;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The custom field values a ticket holds (ADR 20), by field key, in key order; a field without a
 * value has no entry. Values are as {@link FieldDefinition#value} answers them.
 */
public record FieldValues(Map<String, Object> values) {

  public static final FieldValues NONE = new FieldValues(Map.of());

  public FieldValues {
    Objects.requireNonNull(values, "values");
    TreeMap<String, Object> copy = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "key");
          Objects.requireNonNull(v, "value of " + k);
          copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v);
        });
    values = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * These values with {@code changes} applied: a present value sets its key, an empty one clears.
   */
  public FieldValues with(Map<String, Optional<Object>> changes) {
    Map<String, Object> next = new TreeMap<>(values);
    changes.forEach((k, v) -> v.ifPresentOrElse(x -> next.put(k, x), () -> next.remove(k)));
    return new FieldValues(next);
  }

  /** Only the values whose key {@code keep} accepts (what a viewer may see). */
  public FieldValues only(Predicate<String> keep) {
    Map<String, Object> kept = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (keep.test(k)) {
            kept.put(k, v);
          }
        });
    return kept.size() == values.size() ? this : new FieldValues(kept);
  }

  /** Two stored values are the same value (a DECIMAL compares by its digits and scale). */
  public static boolean same(Optional<Object> a, Optional<Object> b) {
    if (a.isPresent() && b.isPresent()) {
      Object x = a.get();
      Object y = b.get();
      if (x instanceof Number && y instanceof Number) {
        return decimal(x).equals(decimal(y));
      }
      return x.equals(y);
    }
    return a.isEmpty() && b.isEmpty();
  }

  private static BigDecimal decimal(Object n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }

  /**
   * Checks what {@code actor} writes into a ticket's fields: {@code raw} by key, a null value to
   * clear. Every key must name an active field of {@code catalogue} that the actor may write
   * (customers: fields they see and may edit; a field they do not see reads as unknown), every
   * value must suit its field; when {@code creating}, every field required of the actor must be
   * given a value. Each refusal names {@code fields.<key>}; all are reported together.
   *
   * @return the changes by key: a value to set, or empty to clear
   */
  public static Result<Map<String, Optional<Object>>> accept(
      Actor actor, Map<String, FieldDefinition> catalogue, Map<String, ?> raw, boolean creating) {
    FieldErrors errors = new FieldErrors();
    Map<String, Optional<Object>> changes = new LinkedHashMap<>();
    Map<String, ?> given = raw == null ? Map.of() : raw;
    given.forEach(
        (key, value) -> {
          String name = "fields." + key;
          FieldDefinition field = catalogue.get(key);
          if (field == null || !field.active() || !field.visibleTo(actor)) {
            errors.add(name, "no such field (GET /api/v1/ticket-fields)");
            return;
          }
          if (!actor.isStaff() && !field.customerMayWrite()) {
            errors.add(name, "customers may not set this field");
            return;
          }
          if (value == null) {
            if (creating && field.requiredOf(actor)) {
              errors.add(name, "is required");
            } else {
              changes.put(key, Optional.empty());
            }
            return;
          }
          switch (field.value(value)) {
            case Result.Ok<Object> ok -> changes.put(key, Optional.of(ok.value()));
            case Result.Err<Object> err ->
                err.fieldErrors()
                    .getOrDefault(name, List.of(err.message()))
                    .forEach(m -> errors.add(name, m));
          }
        });
    if (creating) {
      catalogue.values().stream()
          .filter(f -> f.requiredOf(actor) && !given.containsKey(f.key()))
          .forEach(f -> errors.add(f.errorName(), "is required"));
    }
    return errors.toResult(() -> changes);
  }
}
