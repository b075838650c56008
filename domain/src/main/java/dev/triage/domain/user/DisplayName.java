package dev.triage.domain.user;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import java.util.Objects;

/** How a person is shown to others: trimmed, 1 to 100 characters. */
public record DisplayName(String value) {

  public static final int MAX_LENGTH = 100;

  public DisplayName {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || !value.equals(value.strip()) || Texts.length(value) > MAX_LENGTH) {
      throw new IllegalArgumentException("not a valid display name");
    }
  }

  /** Trims and checks {@code text}; a rejection names the field {@code displayName}. */
  public static Result<DisplayName> of(String text) {
    if (Texts.isBlank(text)) {
      return Result.invalid("displayName", "is required");
    }
    String trimmed = text.strip();
    if (Texts.length(trimmed) > MAX_LENGTH) {
      return Result.invalid("displayName", "must be at most " + MAX_LENGTH + " characters");
    }
    return Result.ok(new DisplayName(trimmed));
  }

  @Override
  public String toString() {
    return value;
  }
}
