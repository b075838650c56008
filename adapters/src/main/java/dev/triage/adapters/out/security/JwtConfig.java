package dev.triage.adapters.out.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Token settings; keys come as PEM text or as paths to PEM files. */
@ConfigMapping(prefix = "triage.jwt")
public interface JwtConfig {

  /** PKCS#8 private key, PEM text or a file path (TRIAGE_JWT_PRIVATE_KEY). */
  Optional<String> privateKey();

  /** X.509 public key, PEM text or a file path (TRIAGE_JWT_PUBLIC_KEY). */
  Optional<String> publicKey();

  /** Where a generated key pair is kept when none is configured. */
  @WithDefault("./data")
  String dataDir();

  @WithDefault("triage")
  String issuer();

  @WithDefault("triage-api")
  String audience();

  @WithDefault("PT15M")
  Duration accessTokenLifetime();

  @WithDefault("P30D")
  Duration refreshTokenLifetime();
}
