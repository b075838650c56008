package dev.triage.application.identity.session;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/** Logs the caller out everywhere. API tokens have no session: revoke those instead. */
public record LogoutHandler(Accounts accounts, SessionEnder sessions, Clock clock)
    implements Handler<Logout, Boolean> {

  @Override
  public Uni<Result<Boolean>> handle(Logout command, RequestContext context) {
    if (context.caller().orElseThrow().apiTokenId().isPresent()) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.CONFLICT, "API tokens have no session; revoke the token."));
    }
    Instant now = clock.instant();
    return accounts
        .byId(context.actor().id())
        .flatMap(
            account ->
                account.isEmpty()
                    ? Uni.createFrom().item(Result.<Boolean>err(ErrorCode.NOT_FOUND, "No account."))
                    : Results.map(
                        sessions.save(account.get(), account.get().endSessions(now), now, context),
                        saved -> true));
  }
}
