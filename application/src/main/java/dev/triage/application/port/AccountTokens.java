package dev.triage.application.port;

import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;

/**
 * Single-use tokens mailed to an account's address, kept as SHA-256 digests only; written in the
 * command's transaction.
 */
public interface AccountTokens {

  /** What a token is for. */
  enum Purpose {
    PASSWORD_RESET,
    ADDRESS_CHECK
  }

  /**
   * Keeps the digest {@code hash} of a new token for {@code user}, usable until {@code expiresAt}.
   */
  Uni<Void> issue(UserId user, Purpose purpose, String hash, Instant now, Instant expiresAt);

  /**
   * Spends the token whose digest is {@code hash} if it is of {@code purpose}, unused and not
   * expired at {@code now}, together with every other open token of that purpose of its account;
   * answers the account, or empty when there is no such token (unknown, used, or expired).
   */
  Uni<Optional<UserId>> redeem(Purpose purpose, String hash, Instant now);
}
