package dev.triage.domain.user;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The address a person logs in with: trimmed and lower case, so one person has one account. */
public record Email(String value) {

  public static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE =
      Pattern.compile(
          "[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.][^@\\s\\p{Cntrl}]*\\.[^@\\s\\p{Cntrl}.]{2,}");

  public Email {
    Objects.requireNonNull(value, "value");
    if (!value.equals(normalize(value)) || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a normalized email address");
    }
  }

  /** Normalizes and checks {@code text}; a rejection names the field {@code email}. */
  public static Result<Email> of(String text) {
    if (Texts.isBlank(text)) {
      return Result.invalid("email", "is required");
    }
    String normalized = normalize(text);
    if (Texts.length(normalized) > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
      return Result.invalid("email", "must be an email address");
    }
    return Result.ok(new Email(normalized));
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
