package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import java.util.Objects;

/**
 * What the requester needs, in their own words: 1 to 20,000 characters, not blank. Kept exactly as
 * written (leading indentation can be meaningful, as in pasted logs).
 */
public record Description(String value) {

  public static final int MAX_LENGTH = 20_000;

  public Description {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || Texts.length(value) > MAX_LENGTH) {
      throw new IllegalArgumentException("not a valid description");
    }
  }

  /** Checks {@code text}; a rejection names the field {@code description}. */
  public static Result<Description> of(String text) {
    if (Texts.isBlank(text)) {
      return Result.invalid("description", "must not be blank");
    }
    if (Texts.length(text) > MAX_LENGTH) {
      return Result.invalid("description", "must be at most " + MAX_LENGTH + " characters");
    }
    return Result.ok(new Description(text));
  }

  @Override
  public String toString() {
    return value;
  }
}
