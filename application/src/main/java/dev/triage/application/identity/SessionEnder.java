package dev.triage.application.identity;

import dev.triage.application.bus.RequestContext;
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
public record SessionEnder(Accounts accounts, RefreshTokens refreshTokens) {

  /**
   * Notes the change of {@code before} into {@code changed} (whose epoch the caller already raised)
   * for the audit trail, saves it and revokes the account's refresh tokens.
   */
  public Uni<Result<Account>> save(
      Account before, Account changed, Instant now, RequestContext context) {
    context.effects().changed(UserView.ENTITY, changed.id().toString(), before, changed);
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
