package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.port.ApiTokens;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Scope;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints the token, stores its hash, and answers with the secret, this once. An expiry must lie in
 * the future and at most {@link CreateApiToken#MAX_LIFETIME} ahead.
 */
public final class CreateApiTokenHandler implements Handler<CreateApiToken, ApiTokenView> {

  private final ApiTokens tokens;
  private final Clock clock;

  public CreateApiTokenHandler(ApiTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Uni<Result<ApiTokenView>> handle(CreateApiToken command, RequestContext context) {
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String s : command.scopes()) {
      Optional<Scope> scope = Scope.parse(s);
      if (scope.isEmpty()) {
        return Uni.createFrom()
            .item(
                Result.invalid("scopes", "each must be one of tickets:read, tickets:write, admin"));
      }
      scopes.add(scope.get());
    }
    Instant now = clock.instant();
    Optional<Instant> expiresAt = Optional.ofNullable(command.expiresAt());
    if (expiresAt.isPresent()
        && (!expiresAt.get().isAfter(now)
            || expiresAt.get().isAfter(now.plus(CreateApiToken.MAX_LIFETIME)))) {
      return Uni.createFrom()
          .item(
              Result.invalid(
                  "expiresAt",
                  "must be in the future and at most "
                      + CreateApiToken.MAX_LIFETIME_DAYS
                      + " days ahead"));
    }
    String secret = Secrets.newSecret(Secrets.API_TOKEN_PREFIX);
    ApiTokens.Stored stored =
        new ApiTokens.Stored(
            UUID.randomUUID(),
            command.name().strip(),
            Secrets.sha256(secret),
            scopes,
            context.actor().id(),
            now,
            expiresAt,
            Optional.empty(),
            Optional.empty());
    context
        .effects()
        .changed(
            ApiTokenView.ENTITY,
            stored.id().toString(),
            null,
            ApiTokenView.of(stored, Optional.empty()));
    return tokens.add(stored).replaceWith(Result.ok(ApiTokenView.of(stored, Optional.of(secret))));
  }
}
