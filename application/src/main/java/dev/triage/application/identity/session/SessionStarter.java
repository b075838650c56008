package dev.triage.application.identity.session;

import dev.triage.application.identity.Secrets;
import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.RefreshTokens;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Mints an access token and the next refresh token of a family, and stores the latter. */
public final class SessionStarter {

  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final Duration refreshLifetime;

  public SessionStarter(
      AccessTokens accessTokens, RefreshTokens refreshTokens, Duration refreshLifetime) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.refreshLifetime = refreshLifetime;
  }

  Uni<Session> start(Account account, UUID familyId, Instant now) {
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
