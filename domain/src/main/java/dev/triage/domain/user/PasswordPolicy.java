package dev.triage.domain.user;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;

/**
 * What a password must be: 12 to 128 characters, counted as a person counts them. Every character
 * counts: nothing is ever silently cut off before hashing.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** The password unchanged when acceptable; a rejection names the field {@code password}. */
  public static Result<String> check(String password) {
    if (password == null || password.isEmpty()) {
      return Result.invalid("password", "is required");
    }
    int length = Texts.length(password);
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Result.invalid(
          "password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      return Result.invalid("password", "must not be only spaces");
    }
    return Result.ok(password);
  }
}
