package dev.triage.application.ticket.list;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the text parameters of a list query and gathers every problem, so one answer names each bad
 * parameter: values that cannot be read at all (a word where a number belongs, an unknown status, a
 * broken cursor) are {@code MALFORMED_REQUEST} (400); readable values out of range are {@code
 * VALIDATION_FAILED} (422).
 */
public final class QueryParams {

  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;

  private final Map<String, List<String>> malformed = new LinkedHashMap<>();
  private final Map<String, List<String>> invalid = new LinkedHashMap<>();

  public void malformed(String field, String message) {
    malformed.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  public void invalid(String field, String message) {
    invalid.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  /** {@code limit}: 1 to 100, 25 when absent. */
  public int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit < 1 || limit > MAX_LIMIT) {
        invalid("limit", "must be 1 to " + MAX_LIMIT);
      }
      return limit;
    } catch (NumberFormatException e) {
      malformed("limit", "must be a whole number");
      return DEFAULT_LIMIT;
    }
  }

  /** An ISO-8601 instant with an offset ({@code 2026-11-22T10:15:30Z}), or empty when absent. */
  public Optional<Instant> instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      malformed(field, "must be an ISO-8601 time with offset, e.g. 2026-11-22T10:15:30Z");
      return Optional.empty();
    }
  }

  /**
   * The keyset of the cursor {@code position}, empty when absent; a position that is not one of the
   * order {@code tag}, or whose key fails {@code validKey}, is unreadable.
   */
  public Optional<Keyset> cursor(String position, String tag, Predicate<String> validKey) {
    if (position == null) {
      return Optional.empty();
    }
    Optional<Keyset> keyset = Keyset.parse(position, tag, validKey);
    if (keyset.isEmpty()) {
      malformed("cursor", "is not a cursor of this list");
    }
    return keyset;
  }

  /** {@code true} or {@code false} exactly; absent is false. */
  public boolean flag(String field, String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        malformed(field, "must be true or false");
        yield false;
      }
    };
  }

  /** The value of {@code result}, or empty after recording its rejection as unreadable. */
  public <T> Optional<T> take(String field, Result<T> result) {
    return switch (result) {
      case Result.Ok<T> ok -> Optional.of(ok.value());
      case Result.Err<T> err -> {
        List<String> messages = err.fieldErrors().values().stream().flatMap(List::stream).toList();
        malformed(field, messages.isEmpty() ? err.message() : messages.getFirst());
        yield Optional.empty();
      }
    };
  }

  public boolean any() {
    return !malformed.isEmpty() || !invalid.isEmpty();
  }

  /** The gathered rejection: 400 when something could not be read, else 422. */
  public <T> Result<T> rejection() {
    if (!malformed.isEmpty()) {
      return new Result.Err<>(
          ErrorCode.MALFORMED_REQUEST, "Some parameters could not be read.", malformed);
    }
    return Result.invalid(invalid);
  }
}
