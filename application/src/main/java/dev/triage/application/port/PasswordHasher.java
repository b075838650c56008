package dev.triage.application.port;

import io.smallrye.mutiny.Uni;

/**
 * Slow, salted password hashing. Both calls run off the event loop; {@link #verify} takes as long
 * for a hash of {@link #decoy()} as for a real one, so a missing account cannot be told apart.
 */
public interface PasswordHasher {

  Uni<String> hash(String password);

  Uni<Boolean> verify(String password, String hash);

  /** A valid hash of a random password, to verify against when no account matched. */
  String decoy();
}
