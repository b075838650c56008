package dev.triage.application.identity;

import dev.triage.application.port.AccessTokens;
import dev.triage.application.port.ApiTokens;
import dev.triage.application.port.SessionAccounts;
import dev.triage.application.port.UnitOfWork;
import dev.triage.domain.user.Caller;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Resolves a bearer credential to a caller, on every request: a JWT is valid only while its account
 * is active and still in the session epoch the token was minted in ({@link SessionAccounts}, which
 * sees a change at once on the replica that made it and within a stated bound on the others); an
 * API token only while not revoked, read from the database.
 */
public final class Authentication {

  private final AccessTokens accessTokens;
  private final SessionAccounts accounts;
  private final ApiTokens apiTokens;
  private final UnitOfWork unitOfWork;

  public Authentication(
      AccessTokens accessTokens,
      SessionAccounts accounts,
      ApiTokens apiTokens,
      UnitOfWork unitOfWork) {
    this.accessTokens = accessTokens;
    this.accounts = accounts;
    this.apiTokens = apiTokens;
    this.unitOfWork = unitOfWork;
  }

  /** The caller, or empty when the credential is not (or no longer) valid. */
  public Uni<Optional<Caller>> authenticate(String bearer) {
    if (bearer == null || bearer.isBlank()) {
      return Uni.createFrom().item(Optional.empty());
    }
    if (bearer.startsWith(Secrets.API_TOKEN_PREFIX)) {
      String hash = Secrets.sha256(bearer);
      return unitOfWork.readOnly(
          () ->
              apiTokens
                  .byHash(hash)
                  .map(
                      t ->
                          t.filter(token -> token.revokedAt().isEmpty())
                              .map(token -> Caller.apiToken(token.id(), token.scopes()))));
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
                    .filter(a -> a.accepts(claims.get().sessionEpoch()))
                    .map(a -> Caller.person(a.actor())));
  }
}
