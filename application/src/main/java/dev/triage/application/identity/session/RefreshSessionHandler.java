package dev.triage.application.identity.session;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.session.RefreshSession.Outcome;
import dev.triage.application.identity.session.SessionState.Status;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Rotates a refresh token. A token presented a second time was copied: the whole family it belongs
 * to is revoked and the account's session epoch raised, so neither the thief nor the owner can go
 * on with it, not even with an access token already issued. A session ends {@link
 * SessionStarter#sessionLifetime} after its login, however often it is refreshed.
 *
 * <p>The account is locked before the token (the order in which logout and revocations write them,
 * see {@link SessionEnder}), so a refresh and a revocation of the same account run one after the
 * other, never interleaved.
 */
public record RefreshSessionHandler(
    RefreshTokens refreshTokens,
    Accounts accounts,
    SessionStarter sessions,
    SessionEnder sessionEnder,
    Clock clock)
    implements Handler<RefreshSession, Outcome> {

  private static final String REFUSED = "The refresh token is not valid; log in again.";

  @Override
  public Uni<Result<Outcome>> handle(RefreshSession command, RequestContext context) {
    // A refusal commits too (it may revoke a family), so it is audited; an unknown token names no
    // session.
    context.effects().changed(SessionState.ENTITY, "", null, null);
    if (command.refreshToken() == null || command.refreshToken().isBlank()) {
      return refused();
    }
    String hash = Secrets.sha256(command.refreshToken());
    return refreshTokens
        .ownerOf(hash)
        .flatMap(
            owner ->
                owner.isEmpty()
                    ? refused()
                    : accounts
                        .byIdForUpdate(owner.get())
                        .flatMap(
                            account ->
                                refreshTokens
                                    .byHashForUpdate(hash)
                                    .flatMap(found -> rotate(found, account, context))));
  }

  private Uni<Result<Outcome>> rotate(
      Optional<RefreshTokens.Stored> found, Optional<Account> account, RequestContext context) {
    if (found.isEmpty() || account.isEmpty()) {
      return refused();
    }
    Instant now = clock.instant();
    RefreshTokens.Stored token = found.get();
    SessionState before = stateOf(token);
    context.effects().changed(SessionState.ENTITY, token.userId().toString(), before, before);
    if (token.usedAt().isPresent()) {
      SessionState revoked =
          new SessionState(token.userId(), token.familyId(), before.renewedAt(), Status.REVOKED);
      context.effects().changed(SessionState.ENTITY, token.userId().toString(), before, revoked);
      // Once revoked, a family's copies are merely refused: replaying one again and again must
      // not end the owner's access tokens again and again.
      return token.revokedAt().isPresent()
          ? refused()
          : sessionEnder
              .endFamily(account.get(), token.familyId(), now, context)
              .chain(this::refused);
    }
    if (token.revokedAt().isPresent()
        || !now.isBefore(token.expiresAt())
        || !now.isBefore(sessions.sessionEnd(token.sessionStartedAt()))
        || !account.get().active()) {
      return refused();
    }
    return refreshTokens
        .markUsed(token.id(), now)
        .chain(
            () ->
                sessions.start(
                    account.get(),
                    token.familyId(),
                    token.sessionStartedAt(),
                    now,
                    before,
                    context))
        .map(s -> Result.<Outcome>ok(new Outcome.Renewed(s)));
  }

  /** A family is revoked as a whole, so one revoked token speaks for its family. */
  private static SessionState stateOf(RefreshTokens.Stored token) {
    return new SessionState(
        token.userId(),
        token.familyId(),
        token.issuedAt(),
        token.revokedAt().isPresent() ? Status.REVOKED : Status.ACTIVE);
  }

  private Uni<Result<Outcome>> refused() {
    return Uni.createFrom().item(Result.ok(new Outcome.Refused(REFUSED)));
  }
}
