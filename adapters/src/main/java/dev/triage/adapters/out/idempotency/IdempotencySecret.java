package dev.triage.adapters.out.idempotency;

import dev.triage.adapters.out.security.OwnerOnlyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The deployment's secret idempotency records are keyed with ({@link KeySecrets}). Configured
 * ({@code TRIAGE_IDEMPOTENCY_SECRET}, at least 32 characters) or, with none, generated once and
 * kept owner-only in the data directory. Every replica of a deployment must use the same one: a
 * replica with another secret neither finds nor opens the others' records.
 */
@ApplicationScoped
public class IdempotencySecret {

  private static final Logger LOG = Logger.getLogger(IdempotencySecret.class);

  static final int MIN_LENGTH = 32;

  private final byte[] secret;

  public IdempotencySecret(
      @ConfigProperty(name = "triage.idempotency.secret") Optional<String> configured,
      @ConfigProperty(
              name = "triage.idempotency.secret-file",
              defaultValue = "./data/idempotency-secret")
          String file) {
    String text = configured.map(String::strip).orElse("");
    if (configured.isPresent() && text.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "TRIAGE_IDEMPOTENCY_SECRET must be at least " + MIN_LENGTH + " characters long");
    }
    if (text.isEmpty()) {
      text = kept(Path.of(file));
    }
    this.secret = text.getBytes(StandardCharsets.UTF_8);
  }

  byte[] bytes() {
    return secret.clone();
  }

  private static String kept(Path file) {
    try {
      return OwnerOnlyFiles.readOrCreate(
              file,
              () -> {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                LOG.infof("Generated the idempotency secret in %s", file.toAbsolutePath());
                return Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
              })
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException("The idempotency secret cannot be read or written", e);
    } catch (Exception e) {
      throw new IllegalStateException("The idempotency secret cannot be read or written", e);
    }
  }
}
