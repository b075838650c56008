package dev.triage.adapters.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

  @TempDir Path dataDir;

  record Config(Optional<String> privateKey, Optional<String> publicKey, String dataDir)
      implements JwtConfig {
    @Override
    public String issuer() {
      return "triage";
    }

    @Override
    public String audience() {
      return "triage-api";
    }

    @Override
    public Duration accessTokenLifetime() {
      return Duration.ofMinutes(15);
    }

    @Override
    public Duration refreshTokenLifetime() {
      return Duration.ofDays(30);
    }
  }

  private Config generated() {
    return new Config(Optional.empty(), Optional.empty(), dataDir.toString());
  }

  @Test
  void without_configured_keys_a_pair_is_generated_once_and_kept() throws Exception {
    JwtKeys first = new JwtKeys(generated());
    JwtKeys second = new JwtKeys(generated());
    assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
    assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
    assertThat(Files.readString(dataDir.resolve("jwt/private.pem"))).contains("PRIVATE KEY");
  }

  @Test
  void configured_keys_are_read_from_paths_or_from_pem_text() throws Exception {
    JwtKeys made = new JwtKeys(generated());
    Path priv = dataDir.resolve("jwt/private.pem");
    Path pub = dataDir.resolve("jwt/public.pem");

    JwtKeys fromPaths =
        new JwtKeys(
            new Config(Optional.of(priv.toString()), Optional.of(pub.toString()), "/nonexistent"));
    JwtKeys fromText =
        new JwtKeys(
            new Config(
                Optional.of(Files.readString(priv)),
                Optional.of(Files.readString(pub)),
                "/nonexistent"));

    assertThat(fromPaths.publicKey().getEncoded()).isEqualTo(made.publicKey().getEncoded());
    assertThat(fromText.privateKey().getEncoded()).isEqualTo(made.privateKey().getEncoded());
  }

  @Test
  void a_token_signed_with_one_pair_is_refused_by_another() {
    JwtKeys ours = new JwtKeys(generated());
    JwtKeys theirs =
        new JwtKeys(
            new Config(Optional.empty(), Optional.empty(), dataDir.resolve("b").toString()));
    var issued =
        new JwtAccessTokens(theirs, generated(), Clock.systemUTC())
            .issue(
                new Account(
                    UserId.of(UUID.randomUUID()),
                    new Email("a@example.com"),
                    new DisplayName("A"),
                    Role.AGENT,
                    true,
                    "x",
                    3,
                    Instant.now(),
                    Instant.now(),
                    1),
                Instant.now());
    assertThat(new JwtAccessTokens(theirs, generated(), Clock.systemUTC()).verify(issued.token()))
        .hasValueSatisfying(c -> assertThat(c.sessionEpoch()).isEqualTo(3));
    assertThat(new JwtAccessTokens(ours, generated(), Clock.systemUTC()).verify(issued.token()))
        .isEmpty();
  }

  @Test
  void the_generated_private_key_is_owner_only_and_no_other_copy_is_left() throws Exception {
    new JwtKeys(generated());

    Path dir = dataDir.resolve("jwt");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("private.pem"))))
        .isEqualTo("rw-------");
    assertThat(filesHolding(dir, "PRIVATE KEY")).containsExactly(dir.resolve("private.pem"));
  }

  @Test
  void a_failed_generation_leaves_no_copy_of_the_private_key_behind() throws Exception {
    Path dir = dataDir.resolve("jwt");
    // A directory where the public key goes: the pair cannot be kept.
    Files.createDirectories(dir.resolve("public.pem").resolve("taken"));

    assertThatThrownBy(() -> new JwtKeys(generated())).isInstanceOf(RuntimeException.class);

    assertThat(filesHolding(dir, "PRIVATE KEY")).isEmpty();
  }

  @Test
  void services_starting_at_once_on_one_data_directory_all_use_the_same_pair() throws Exception {
    int starts = 6;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Future<JwtKeys>> started = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        started.add(
            pool.submit(
                () -> {
                  go.await();
                  return new JwtKeys(generated());
                }));
      }
      go.countDown();
      JwtKeys kept = new JwtKeys(generated());
      for (Future<JwtKeys> f : started) {
        JwtKeys keys = f.get(60, TimeUnit.SECONDS);
        assertThat(keys.privateKey().getEncoded()).isEqualTo(kept.privateKey().getEncoded());
        assertThat(keys.publicKey().getEncoded()).isEqualTo(kept.publicKey().getEncoded());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_key_in_the_wrong_form_is_refused_naming_the_setting_not_the_value() {
    String secretish = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7secretmaterial";

    assertThatThrownBy(
            () ->
                new JwtKeys(
                    new Config(Optional.of(secretish), Optional.of(secretish), dataDir.toString())))
        .hasMessageContaining("TRIAGE_JWT_PRIVATE_KEY")
        .satisfies(e -> assertThat(messages(e)).doesNotContain("secretmaterial"));
    assertThatThrownBy(
            () ->
                new JwtKeys(
                    new Config(
                        Optional.of(
                            "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5secretmaterial\n"
                                + "-----END PRIVATE KEY-----\n"),
                        Optional.of(secretish),
                        dataDir.toString())))
        .hasMessageContaining("TRIAGE_JWT_PRIVATE_KEY")
        .satisfies(e -> assertThat(messages(e)).doesNotContain("secretmaterial"));
  }

  /** Every message of a failure and its causes, as they would be logged. */
  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
      for (Throwable s : t.getSuppressed()) {
        all.append(s).append('\n');
      }
    }
    return all.toString();
  }

  private static List<Path> filesHolding(Path dir, String text) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return Files.readString(f).contains(text);
                } catch (java.io.IOException e) {
                  return false;
                }
              })
          .toList();
    }
  }

  @Test
  void only_one_of_the_two_keys_is_a_configuration_error() {
    assertThatThrownBy(
            () -> new JwtKeys(new Config(Optional.of("x"), Optional.empty(), dataDir.toString())))
        .hasMessageContaining("both");
  }
}
