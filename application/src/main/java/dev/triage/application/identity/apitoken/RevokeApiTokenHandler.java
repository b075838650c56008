package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.ApiTokens;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Revokes a token by id. */
public final class RevokeApiTokenHandler implements Handler<RevokeApiToken, Boolean> {

  private final ApiTokens tokens;
  private final Clock clock;

  public RevokeApiTokenHandler(ApiTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Uni<Result<Boolean>> handle(RevokeApiToken command, RequestContext context) {
    UUID id;
    try {
      id = UUID.fromString(command.tokenId());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, "No such API token."));
    }
    Instant now = clock.instant();
    return tokens
        .byId(id)
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return Uni.createFrom()
                    .item(Result.<Boolean>err(ErrorCode.NOT_FOUND, "No such API token."));
              }
              ApiTokens.Stored before = found.get();
              ApiTokens.Stored after = before.revoked(now);
              context
                  .effects()
                  .changed(
                      ApiTokenView.ENTITY,
                      id.toString(),
                      ApiTokenView.of(before, Optional.empty()),
                      ApiTokenView.of(after, Optional.empty()));
              return tokens
                  .revoke(id, now)
                  .map(
                      revoked ->
                          revoked
                              ? Result.ok(true)
                              : Result.<Boolean>err(ErrorCode.NOT_FOUND, "No such API token."));
            });
  }
}
