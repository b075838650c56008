package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import java.util.Objects;

/** A ticket's one-line summary: trimmed, 3 to 200 characters. */
public record Title(String value) {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 200;

  public Title {
    Objects.requireNonNull(value, "value");
    int length = Texts.length(value);
    if (!value.equals(value.strip()) || length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new IllegalArgumentException("not a valid title: " + value);
    }
  }

  /** Trims {@code text} and checks its length; a rejection names the field {@code title}. */
  public static Result<Title> of(String text) {
    if (text == null) {
      return Result.invalid("title", "is required");
    }
    String trimmed = text.strip();
    int length = Texts.length(trimmed);
    if (length < MIN_LENGTH) {
      return Result.invalid("title", "must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Result.invalid("title", "must be at most " + MAX_LENGTH + " characters");
    }
    return Result.ok(new Title(trimmed));
  }

  @Override
  public String toString() {
    return value;
  }
}
