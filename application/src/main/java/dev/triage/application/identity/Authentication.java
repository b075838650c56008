package dev.triage.application.identity;

import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.ApiTokens;
import dev.triage.application.port.SessionAccounts;
import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.user.Caller;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a bearer credential to a caller, on every request: a JWT is valid only while its account
 * is active and still in the session epoch the token was minted in ({@link SessionAccounts}, which
 * sees a change at once on the replica that made it and within a stated bound on the others); an
 * API token only while not revoked, not expired and made by an admin who is still an active admin,
 * read from the database. A token's use is noted at most once per {@link #USE_NOTED_EVERY}, so a
 * busy integration does not cost a write per request.
 */
public final class Authentication {

  private final AccessTokens accessTokens;
  private final SessionAccounts accounts;
  private final ApiTokens apiTokens;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  /** How stale an API token's noted last use may get. */
  public static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);

  public Authentication(
      AccessTokens accessTokens,
      SessionAccounts accounts,
      ApiTokens apiTokens,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.accessTokens = accessTokens;
    this.accounts = accounts;
    this.apiTokens = apiTokens;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /** The caller, or empty when the credential is not (or no longer) valid. */
  public Uni<Optional<Caller>> authenticate(String bearer) {
    if (bearer == null || bearer.isBlank()) {
      return Uni.createFrom().item(Optional.empty());
    }
    if (bearer.startsWith(Secrets.API_TOKEN_PREFIX)) {
      return apiToken(Secrets.sha256(bearer), clock.instant());
    }
    Optional<AccessTokens.Claims> claims = accessTokens.verify(bearer);
    if (claims.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return accounts
        .current(claims.get().userId())
        .map(
            account ->
                account
                    .filter(a -> a.account().accepts(claims.get().sessionEpoch()))
                    .map(a -> Caller.person(a.actor())));
  }

  private Uni<Optional<Caller>> apiToken(String hash, Instant now) {
    Uni<Optional<ApiTokens.Stored>> working =
        unitOfWork.readOnly(
            () ->
                apiTokens
                    .byHash(hash)
                    .flatMap(
                        found ->
                            found.isEmpty() || !found.get().worksAt(now)
                                ? Uni.createFrom().item(Optional.<ApiTokens.Stored>empty())
                                : apiTokens
                                    .madeByActiveAdmin(found.get().id())
                                    .map(active -> found.filter(t -> active))));
    return working
        .flatMap(token -> noteUse(token, now).replaceWith(token))
        .map(token -> token.map(t -> Caller.apiToken(t.id(), t.scopes())));
  }

  /**
   * Notes the use unless one within {@link #USE_NOTED_EVERY} is noted. Failing to note it does not
   * refuse the request: the note is a hint for admins, not a security check.
   */
  private Uni<Void> noteUse(Optional<ApiTokens.Stored> token, Instant now) {
    Instant since = now.minus(USE_NOTED_EVERY);
    if (token.isEmpty() || token.get().lastUsedAt().filter(at -> !at.isBefore(since)).isPresent()) {
      return Uni.createFrom().voidItem();
    }
    return unitOfWork
        .transactional(() -> apiTokens.noteUse(token.get().id(), now, since))
        .onFailure()
        .recoverWithNull();
  }
}
