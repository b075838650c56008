package dev.triage.adapters.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

  @Test
  void a_hash_verifies_its_password_and_nothing_else() {
    String hash = hasher.hashNow("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verifyNow("correct horse battery", hash)).isTrue();
    assertThat(hasher.verifyNow("correct horse batterz", hash)).isFalse();
  }

  @Test
  void every_character_counts_even_past_72_bytes() {
    String base = "é".repeat(40); // 80 bytes in UTF-8
    String hash = hasher.hashNow(base + "tail");
    assertThat(hasher.verifyNow(base + "tail", hash)).isTrue();
    assertThat(hasher.verifyNow(base + "tale", hash)).isFalse();
    assertThat(hasher.verifyNow(base, hash)).isFalse();
  }

  @Test
  void the_same_password_gets_a_new_salt_each_time() {
    assertThat(hasher.hashNow("same password here"))
        .isNotEqualTo(hasher.hashNow("same password here"));
  }

  @Test
  void the_decoy_costs_what_a_real_hash_costs_and_no_guess_matches() {
    String real = hasher.hashNow("a-long-test-password");
    String parameters = real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1));
    assertThat(hasher.decoy()).startsWith(parameters + "$");
    assertThat(hasher.decoy().length()).isEqualTo(real.length());
    assertThat(hasher.verifyNow("", hasher.decoy())).isFalse();
    assertThat(hasher.verifyNow("a-long-test-password", hasher.decoy())).isFalse();
  }

  @Test
  void a_foreign_or_broken_hash_never_verifies() {
    assertThat(hasher.verifyNow("pw", "$2a$12$abcdefghijklmnopqrstuv")).isFalse();
    assertThat(hasher.verifyNow("pw", "garbage")).isFalse();
  }
}
