package dev.triage.adapters.out.security;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The RS256 key pair tokens are signed and checked with. Configured keys win; with none, a pair is
 * generated once and kept in the data directory, so tokens survive a restart. Never committed.
 */
@ApplicationScoped
public class JwtKeys {

  private static final Logger LOG = Logger.getLogger(JwtKeys.class);

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  public JwtKeys(JwtConfig config) {
    if (config.privateKey().isPresent() != config.publicKey().isPresent()) {
      throw new IllegalStateException(
          "Set both TRIAGE_JWT_PRIVATE_KEY and TRIAGE_JWT_PUBLIC_KEY, or neither.");
    }
    if (config.privateKey().isPresent()) {
      privateKey = configured("TRIAGE_JWT_PRIVATE_KEY", config.privateKey().get(), true);
      publicKey = configured("TRIAGE_JWT_PUBLIC_KEY", config.publicKey().get(), false);
    } else {
      try {
        KeyPair pair = generatedPair(Path.of(config.dataDir(), "jwt"));
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
      } catch (IOException e) {
        throw new UncheckedIOException("The JWT keys cannot be read or written", e);
      } catch (Exception e) {
        throw new IllegalStateException("The generated JWT keys cannot be read: " + e, e);
      }
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * A configured key: PEM text, or the path of a file holding it. Refused naming the setting only:
   * neither the message nor a cause repeats the value, which may be the key itself.
   */
  private static <K> K configured(String setting, String value, boolean secret) {
    String form = secret ? "a PKCS#8 PEM private key" : "an X.509 PEM public key";
    String pem;
    if (value.contains("-----BEGIN")) {
      pem = value;
    } else {
      try {
        pem = Files.readString(Path.of(value.strip()), StandardCharsets.US_ASCII);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException(
            setting + " is neither " + form + " nor the path of a readable file holding one");
      }
    }
    try {
      @SuppressWarnings("unchecked")
      K key = (K) (secret ? KeyUtils.decodePrivateKey(pem) : KeyUtils.decodePublicKey(pem));
      return key;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(setting + " does not hold " + form);
    }
  }

  /**
   * The pair kept in {@code dir}, or a new one written there. Under the directory's lock, so
   * services starting at once on one data directory all end up with the first one's pair; each file
   * is written whole (owner-only temporary file, then an atomic move), the private key last, since
   * its presence is what says the pair is complete.
   */
  private static KeyPair generatedPair(Path dir) throws Exception {
    Path privateFile = dir.resolve("private.pem");
    Path publicFile = dir.resolve("public.pem");
    return OwnerOnlyFiles.underLock(
        dir,
        () -> {
          if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return new KeyPair(
                KeyUtils.decodePublicKey(Files.readString(publicFile)),
                KeyUtils.decodePrivateKey(Files.readString(privateFile)));
          }
          KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(2048);
          KeyPair pair = generator.generateKeyPair();
          OwnerOnlyFiles.write(publicFile, encode("PUBLIC KEY", pair.getPublic().getEncoded()));
          OwnerOnlyFiles.write(privateFile, encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
          LOG.infof("Generated a JWT signing key pair in %s", dir.toAbsolutePath());
          return pair;
        });
  }

  private static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
