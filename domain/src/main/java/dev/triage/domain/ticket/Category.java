package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import java.util.Objects;

/**
 * An optional free-text grouping of tickets (for example "billing"): trimmed, 1 to 60 characters.
 */
public record Category(String value) {

  public static final int MAX_LENGTH = 60;

  public Category {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || !value.equals(value.strip()) || Texts.length(value) > MAX_LENGTH) {
      throw new IllegalArgumentException("not a valid category: " + value);
    }
  }

  /** Trims {@code text} and checks it; a rejection names the field {@code category}. */
  public static Result<Category> of(String text) {
    if (Texts.isBlank(text)) {
      return Result.invalid("category", "must not be blank");
    }
    String trimmed = text.strip();
    if (Texts.length(trimmed) > MAX_LENGTH) {
      return Result.invalid("category", "must be at most " + MAX_LENGTH + " characters");
    }
    return Result.ok(new Category(trimmed));
  }

  @Override
  public String toString() {
    return value;
  }
}
