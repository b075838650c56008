package dev.triage.application.port;

import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Mails about an account itself, queued in the command's transaction (nothing while mail is off).
 */
public interface AccountMail {

  /** Queues the mail carrying {@code token}, a password reset valid until {@code expiresAt}. */
  Uni<Void> passwordReset(Account account, String token, Instant expiresAt);

  /**
   * Queues the mail carrying {@code token}, confirming the address, valid until {@code expiresAt}.
   */
  Uni<Void> addressCheck(Account account, String token, Instant expiresAt);
}
