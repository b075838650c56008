package dev.triage.application.identity.session;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Mints an access token and the next refresh token of a family, and stores the latter. */
public record SessionStarter(
    AccessTokens accessTokens, RefreshTokens refreshTokens, Duration refreshLifetime) {

  /**
   * Starts a session of {@code account} in the family {@code familyId}, noted for the audit trail:
   * the account is the one acting, and its session goes from {@code before} to active.
   */
  Uni<Session> start(
      Account account, UUID familyId, Instant now, SessionState before, RequestContext context) {
    context.effects().actedAs(account.actor());
    context
        .effects()
        .changed(
            SessionState.ENTITY,
            account.id().toString(),
            before,
            new SessionState(account.id(), familyId, now, SessionState.Status.ACTIVE));
    AccessTokens.Issued access = accessTokens.issue(account, now);
    String refresh = Secrets.newSecret(Secrets.REFRESH_TOKEN_PREFIX);
    RefreshTokens.Stored stored =
        new RefreshTokens.Stored(
            UUID.randomUUID(),
            account.id(),
            familyId,
            Secrets.sha256(refresh),
            now,
            now.plus(refreshLifetime),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    return refreshTokens
        .add(stored)
        .replaceWith(new Session(access.token(), access.expiresInSeconds(), refresh));
  }
}
