package dev.triage.application.port;

import dev.triage.domain.user.Account;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Signed, short-lived access tokens (JWT). */
public interface AccessTokens {

  Issued issue(Account account, Instant now);

  /** The claims of a token whose signature, issuer, audience and times check out; else empty. */
  Optional<Claims> verify(String token);

  /** A freshly signed token and its lifetime in seconds. */
  record Issued(String token, long expiresInSeconds) {}

  /** What a valid token says: who, and in which session epoch it was minted. */
  record Claims(UserId userId, long sessionEpoch) {}
}
