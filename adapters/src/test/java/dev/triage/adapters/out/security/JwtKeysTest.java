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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
  void only_one_of_the_two_keys_is_a_configuration_error() {
    assertThatThrownBy(
            () -> new JwtKeys(new Config(Optional.of("x"), Optional.empty(), dataDir.toString())))
        .hasMessageContaining("both");
  }
}
