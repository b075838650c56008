package dev.triage.application.identity;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Ends every session of an account: raises its session epoch (all access tokens stop at once, on
 * every replica) and revokes its refresh tokens. Used by logout, revoke, role change, deactivation,
 * and (for one family of refresh tokens) by the reuse of a refresh token.
 *
 * <p>The account's row is written first and its refresh tokens after, the order in which a refresh
 * locks them too ({@link Accounts#byIdForUpdate}): a refresh either commits before the account is
 * written, and its new token is then revoked here, or waits and sees the revocation.
 */
public record SessionEnder(Accounts accounts, RefreshTokens refreshTokens) {

  /**
   * Notes the change of {@code before} into {@code changed} (whose epoch the caller already raised)
   * for the audit trail, saves it and revokes the account's refresh tokens.
   */
  public Uni<Result<Account>> save(
      Account before, Account changed, Instant now, RequestContext context) {
    return save(before, changed, context, () -> refreshTokens.revokeAllOf(changed.id(), now));
  }

  /**
   * Saves a change that ends no session (an agent's restriction to their groups): the account's
   * cached entry is dropped all the same, so the next request sees it.
   */
  public Uni<Result<Account>> saveKeepingSessions(
      Account before, Account changed, RequestContext context) {
    return save(before, changed, context, () -> Uni.createFrom().voidItem());
  }

  /**
   * A token of the family {@code familyId} was used twice, so it was copied: the family is revoked
   * and the epoch of {@code before} (locked by the caller) raised, so the access tokens already
   * issued to whoever copied it stop too. The account's other families go on refreshing.
   */
  public Uni<Result<Account>> endFamily(
      Account before, UUID familyId, Instant now, RequestContext context) {
    return save(
        before, before.endSessions(now), context, () -> refreshTokens.revokeFamily(familyId, now));
  }

  private Uni<Result<Account>> save(
      Account before, Account changed, RequestContext context, Supplier<Uni<Void>> revoke) {
    context.effects().changed(UserView.ENTITY, changed.id().toString(), before, changed);
    return accounts
        .update(changed, before.version())
        .flatMap(
            saved ->
                saved
                    ? revoke.get().replaceWith(Result.ok(changed))
                    : Uni.createFrom()
                        .item(
                            Result.<Account>err(
                                ErrorCode.CONFLICT,
                                "The account changed at the same time; try again.")));
  }
}
