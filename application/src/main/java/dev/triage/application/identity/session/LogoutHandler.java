package dev.triage.application.identity.session;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/** Logs the caller out everywhere. API tokens have no session: revoke those instead. */
public final class LogoutHandler implements Handler<Logout, Boolean> {

  private final Accounts accounts;
  private final SessionEnder sessions;
  private final Clock clock;

  public LogoutHandler(Accounts accounts, SessionEnder sessions, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
  }

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
            account -> {
              if (account.isEmpty()) {
                return Uni.createFrom()
                    .item(Result.<Boolean>err(ErrorCode.NOT_FOUND, "No account."));
              }
              Account before = account.get();
              Account after = before.endSessions(now);
              context.effects().changed(UserView.ENTITY, after.id().toString(), before, after);
              return sessions.save(before, after, now).map(r -> r.map(a -> true));
            });
  }
}
