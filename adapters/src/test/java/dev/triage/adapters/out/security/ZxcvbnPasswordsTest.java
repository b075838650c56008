package dev.triage.adapters.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZxcvbnPasswordsTest {

  private final ZxcvbnPasswords passwords = new ZxcvbnPasswords();

  private boolean guessable(String password) {
    return passwords.guessable(password).await().atMost(Duration.ofSeconds(10));
  }

  @Test
  void common_passwords_and_patterns_of_twelve_characters_or_more_are_guessable() {
    for (String common :
        new String[] {
          "passwordpassword",
          "123456789012",
          "qwertyuiop123",
          "iloveyou1234",
          "Password1234",
          "xxxxxxxxxxxx",
          "1qaz2wsx3edc"
        }) {
      assertThat(guessable(common)).as(common).isTrue();
    }
  }

  @Test
  void passphrases_are_not() {
    for (String fine :
        new String[] {
          "correct horse battery staple", "a-long-test-password", "not the current password"
        }) {
      assertThat(guessable(fine)).as(fine).isFalse();
    }
  }
}
