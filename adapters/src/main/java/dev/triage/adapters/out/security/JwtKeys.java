package dev.triage.adapters.out.security;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    try {
      if (config.privateKey().isPresent()) {
        privateKey = KeyUtils.decodePrivateKey(pem(config.privateKey().get()));
        publicKey = KeyUtils.decodePublicKey(pem(config.publicKey().get()));
      } else {
        KeyPair pair = generatedPair(Path.of(config.dataDir(), "jwt"));
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JWT keys cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("The JWT keys cannot be read or written", e);
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** PEM text as is, or the content of the file it names. */
  private static String pem(String value) throws IOException {
    return value.contains("-----BEGIN")
        ? value
        : Files.readString(Path.of(value.strip()), StandardCharsets.US_ASCII);
  }

  private static KeyPair generatedPair(Path dir) throws IOException, GeneralSecurityException {
    Path privateFile = dir.resolve("private.pem");
    Path publicFile = dir.resolve("public.pem");
    if (Files.exists(privateFile) && Files.exists(publicFile)) {
      return new KeyPair(
          KeyUtils.decodePublicKey(Files.readString(publicFile)),
          KeyUtils.decodePrivateKey(Files.readString(privateFile)));
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "private", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own protection applies.
    }
    Files.writeString(tmp, encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicFile, encode("PUBLIC KEY", pair.getPublic().getEncoded()));
    Files.move(tmp, privateFile);
    LOG.infof("Generated a JWT signing key pair in %s", dir.toAbsolutePath());
    return pair;
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
