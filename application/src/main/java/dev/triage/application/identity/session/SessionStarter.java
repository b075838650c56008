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

/**
 * Mints an access token and the next refresh token of a family, and stores the latter. A refresh
 * token lives {@code refreshLifetime} from its issue, but never past {@code sessionLifetime} from
 * the login that started its family: refreshing does not make a session last for ever.
 */
public record SessionStarter(
    AccessTokens accessTokens,
    RefreshTokens refreshTokens,
    Duration refreshLifetime,
    Duration sessionLifetime) {

  /** Starts a new session (a login) of {@code account}; see the other {@code start}. */
  Uni<Session> start(
      Account account, UUID familyId, Instant now, SessionState before, RequestContext context) {
    return start(account, familyId, now, now, before, context);
  }

  /** When a session that began at {@code startedAt} ends, however often it is refreshed. */
  Instant sessionEnd(Instant startedAt) {
    return startedAt.plus(sessionLifetime);
  }

  /**
   * Continues the session of {@code account} that began at {@code startedAt} in the family {@code
   * familyId}, noted for the audit trail: the account is the one acting, and its session goes from
   * {@code before} to active.
   */
  Uni<Session> start(
      Account account,
      UUID familyId,
      Instant startedAt,
      Instant now,
      SessionState before,
      RequestContext context) {
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
            startedAt,
            now,
            earliest(now.plus(refreshLifetime), sessionEnd(startedAt)),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    return refreshTokens
        .add(stored)
        .replaceWith(new Session(access.token(), access.expiresInSeconds(), refresh));
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
