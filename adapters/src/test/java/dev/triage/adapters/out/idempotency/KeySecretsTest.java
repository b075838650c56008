package dev.triage.adapters.out.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.application.port.IdempotencyStore.Scope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeySecretsTest {

  static final byte[] SECRET =
      "a-deployment-secret-of-32-characters".getBytes(StandardCharsets.UTF_8);
  static final String CALLER = "0194d2a0-0000-7000-8000-000000000001";
  final Scope scope = new Scope(CALLER, "POST /api/v1/tickets", "6f1c2b0e-key");
  final byte[] answer = "{\"refreshToken\":\"secret\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void a_sealed_answer_opens_with_the_same_key_and_scope_and_hides_its_content() {
    byte[] sealed = KeySecrets.of(scope, SECRET).seal(answer);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
    assertThat(KeySecrets.of(scope, SECRET).open(sealed)).isEqualTo(answer);
    assertThat(KeySecrets.of(scope, SECRET).seal(answer)).isNotEqualTo(sealed);
  }

  @Test
  void a_sealed_answer_does_not_open_under_another_key_or_scope_or_once_tampered() {
    byte[] sealed = KeySecrets.of(scope, SECRET).seal(answer);
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;

    for (Scope other :
        new Scope[] {
          new Scope(CALLER, scope.operation(), "another-key"),
          new Scope("anonymous", scope.operation(), scope.key()),
          new Scope(CALLER, "POST /api/v1/users", scope.key())
        }) {
      assertThatThrownBy(() -> KeySecrets.of(other, SECRET).open(sealed))
          .as(other.toString())
          .isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> KeySecrets.of(scope, SECRET).open(tampered))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void the_fingerprint_depends_on_the_body_and_on_the_key_so_the_table_alone_tests_no_guess() {
    byte[] body = "Login\n{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);
    byte[] other = "Login\n{\"password\":\"hunter3\"}".getBytes(StandardCharsets.UTF_8);
    KeySecrets secrets = KeySecrets.of(scope, SECRET);

    assertThat(
            KeySecrets.same(
                secrets.fingerprint(body), KeySecrets.of(scope, SECRET).fingerprint(body)))
        .isTrue();
    assertThat(KeySecrets.same(secrets.fingerprint(body), secrets.fingerprint(other))).isFalse();
    assertThat(
            KeySecrets.of(new Scope(CALLER, scope.operation(), "another-key"), SECRET)
                .fingerprint(body))
        .isNotEqualTo(secrets.fingerprint(body));
  }

  @Test
  void rows_are_found_by_a_fixed_size_hash_of_operation_and_key_never_by_the_key() {
    byte[] hash = KeySecrets.of(scope, SECRET).lookupHash();
    Scope longPath = new Scope(CALLER, "POST /api/v1/tickets/" + "x".repeat(4000), scope.key());

    assertThat(hash).hasSize(32).isEqualTo(KeySecrets.of(scope, SECRET).lookupHash());
    assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(scope.key());
    assertThat(KeySecrets.of(longPath, SECRET).lookupHash()).hasSize(32).isNotEqualTo(hash);
    assertThat(
            KeySecrets.of(new Scope(CALLER, "POST /api/v1/users", scope.key()), SECRET)
                .lookupHash())
        .isNotEqualTo(hash);
  }

  @Test
  void the_lock_number_is_stable_per_scope_and_differs_between_callers() {
    assertThat(KeySecrets.of(scope, SECRET).lockNumber())
        .isEqualTo(KeySecrets.of(scope, SECRET).lockNumber());
    assertThat(
            KeySecrets.of(new Scope("anonymous", scope.operation(), scope.key()), SECRET)
                .lockNumber())
        .isNotEqualTo(KeySecrets.of(scope, SECRET).lockNumber());
  }

  @Test
  void without_the_deployment_secret_the_key_alone_neither_finds_nor_opens_a_record() {
    byte[] other = "another-deployment-secret-32-chars".getBytes(StandardCharsets.UTF_8);
    KeySecrets kept = KeySecrets.of(scope, SECRET);
    byte[] sealed = kept.seal(answer);

    for (KeySecrets guess :
        new KeySecrets[] {KeySecrets.legacy(scope), KeySecrets.of(scope, other)}) {
      assertThat(guess.lookupHash()).isNotEqualTo(kept.lookupHash());
      assertThatThrownBy(() -> guess.open(sealed)).isInstanceOf(IllegalStateException.class);
      assertThat(guess.fingerprint(answer)).isNotEqualTo(kept.fingerprint(answer));
    }
  }

  @Test
  void a_record_written_before_the_secret_was_used_still_opens_with_its_legacy_secrets() {
    byte[] sealed = KeySecrets.legacy(scope).seal(answer);

    assertThat(KeySecrets.legacy(scope).open(sealed)).isEqualTo(answer);
    assertThat(KeySecrets.legacy(scope).lockNumber())
        .isEqualTo(KeySecrets.of(scope, SECRET).lockNumber());
  }
}
