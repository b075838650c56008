package dev.triage.application.identity;

import dev.triage.application.port.Accounts;
import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Ends every session of an account: raises its session epoch (all access tokens stop at once, on
 * every replica) and revokes its refresh tokens. Used by logout, revoke, role change, deactivation.
 */
public final class SessionEnder {

  private final Accounts accounts;
  private final RefreshTokens refreshTokens;

  public SessionEnder(Accounts accounts, RefreshTokens refreshTokens) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
  }

  /** Saves {@code changed} (whose epoch the caller already raised) and revokes refresh tokens. */
  public Uni<Result<Account>> save(Account before, Account changed, Instant now) {
    return accounts
        .update(changed, before.version())
        .flatMap(
            saved ->
                saved
                    ? refreshTokens.revokeAllOf(changed.id(), now).replaceWith(Result.ok(changed))
                    : Uni.createFrom()
                        .item(
                            Result.<Account>err(
                                ErrorCode.CONFLICT,
                                "The account changed at the same time; try again.")));
  }
}
