package dev.triage.adapters.out.security;

import dev.triage.application.port.PasswordHasher;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (OWASP's first choice: 19 MiB, 2 passes, 1 lane), encoded in the PHC string format so
 * parameters can be raised later without breaking stored hashes. The whole password is hashed,
 * whatever its length: nothing is truncated. Work runs on the worker pool, never the event loop.
 */
@ApplicationScoped
public class Argon2PasswordHasher implements PasswordHasher {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();
  private final String decoy;

  /**
   * The decoy is a hash in the same format and with the same parameters as a real one, of random
   * bytes rather than of a password: verifying against it costs exactly what a real verification
   * costs, no password can match it, and nothing has to be derived at start-up.
   */
  public Argon2PasswordHasher() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    this.decoy = encode(salt, hash);
  }

  @Override
  public Uni<String> hash(String password) {
    return offEventLoop(() -> hashNow(password));
  }

  @Override
  public Uni<Boolean> verify(String password, String hash) {
    return offEventLoop(() -> verifyNow(password, hash));
  }

  /**
   * Runs {@code work} on a worker thread and delivers its result back on the caller's Vert.x
   * context, where the reactive database session of the request lives.
   */
  private static <T> Uni<T> offEventLoop(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom()
          .item(
              () -> {
                try {
                  return work.call();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              })
          .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
    return Uni.createFrom()
        .completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
  }

  @Override
  public String decoy() {
    return decoy;
  }

  String hashNow(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return encode(salt, derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
  }

  private static String encode(byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  boolean verifyNow(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
    if (parts.length != 6 || !"argon2id".equals(parts[1])) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=");
      switch (pair[0]) {
        case "m" -> m = Integer.parseInt(pair[1]);
        case "t" -> t = Integer.parseInt(pair[1]);
        case "p" -> p = Integer.parseInt(pair[1]);
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = derive(password, salt, m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
