package dev.triage.application.identity.session;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.session.RefreshSession.Outcome;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/**
 * Rotates a refresh token. A token presented a second time was copied: the whole family it belongs
 * to is revoked, so neither the thief nor the owner can go on with it.
 */
public final class RefreshSessionHandler implements Handler<RefreshSession, Outcome> {

  private static final String REFUSED = "The refresh token is not valid; log in again.";

  private final RefreshTokens refreshTokens;
  private final Accounts accounts;
  private final SessionStarter sessions;
  private final Clock clock;

  public RefreshSessionHandler(
      RefreshTokens refreshTokens, Accounts accounts, SessionStarter sessions, Clock clock) {
    this.refreshTokens = refreshTokens;
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Outcome>> handle(RefreshSession command, RequestContext context) {
    if (command.refreshToken() == null || command.refreshToken().isBlank()) {
      return refused();
    }
    Instant now = clock.instant();
    return refreshTokens
        .byHashForUpdate(Secrets.sha256(command.refreshToken()))
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return refused();
              }
              RefreshTokens.Stored token = found.get();
              if (token.usedAt().isPresent()) {
                return refreshTokens.revokeFamily(token.familyId(), now).chain(this::refused);
              }
              if (token.revokedAt().isPresent() || !now.isBefore(token.expiresAt())) {
                return refused();
              }
              return refreshTokens
                  .markUsed(token.id(), now)
                  .chain(() -> accounts.byId(token.userId()))
                  .flatMap(
                      account ->
                          account.isEmpty() || !account.get().active()
                              ? refused()
                              : sessions
                                  .start(account.get(), token.familyId(), now)
                                  .map(s -> Result.<Outcome>ok(new Outcome.Renewed(s))));
            });
  }

  private Uni<Result<Outcome>> refused() {
    return Uni.createFrom().item(Result.ok(new Outcome.Refused(REFUSED)));
  }
}
