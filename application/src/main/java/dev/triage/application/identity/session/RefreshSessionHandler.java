package dev.triage.application.identity.session;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.session.RefreshSession.Outcome;
import dev.triage.application.identity.session.SessionState.Status;
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
public record RefreshSessionHandler(
    RefreshTokens refreshTokens, Accounts accounts, SessionStarter sessions, Clock clock)
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
    Instant now = clock.instant();
    return refreshTokens
        .byHashForUpdate(Secrets.sha256(command.refreshToken()))
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return refused();
              }
              RefreshTokens.Stored token = found.get();
              SessionState before = stateOf(token);
              context
                  .effects()
                  .changed(SessionState.ENTITY, token.userId().toString(), before, before);
              if (token.usedAt().isPresent()) {
                SessionState revoked =
                    new SessionState(
                        token.userId(), token.familyId(), before.renewedAt(), Status.REVOKED);
                context
                    .effects()
                    .changed(SessionState.ENTITY, token.userId().toString(), before, revoked);
                return refreshTokens.revokeFamily(token.familyId(), now).chain(this::refused);
              }
              if (token.revokedAt().isPresent() || !now.isBefore(token.expiresAt())) {
                return refused();
              }
              return refreshTokens
                  .markUsed(token.id(), now)
                  .chain(() -> accounts.byId(token.userId()))
                  .flatMap(
                      account -> {
                        if (account.isEmpty() || !account.get().active()) {
                          return refused();
                        }
                        return sessions
                            .start(account.get(), token.familyId(), now, before, context)
                            .map(s -> Result.<Outcome>ok(new Outcome.Renewed(s)));
                      });
            });
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
