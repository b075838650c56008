package dev.triage.application.identity.users;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/** Ends an account's sessions on an admin's word. */
public final class RevokeSessionsHandler implements Handler<RevokeSessions, UserView> {

  private final Accounts accounts;
  private final SessionEnder sessions;
  private final Clock clock;

  public RevokeSessionsHandler(Accounts accounts, SessionEnder sessions, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public Uni<Result<UserView>> handle(RevokeSessions command, RequestContext context) {
    if (!(UserId.parse(command.userId()) instanceof Result.Ok<UserId> id)) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, "No such user."));
    }
    Instant now = clock.instant();
    return accounts
        .byId(id.value())
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return Uni.createFrom()
                    .item(Result.<UserView>err(ErrorCode.NOT_FOUND, "No such user."));
              }
              Account before = found.get();
              Account after = before.endSessions(now);
              context.effects().changed(UserView.ENTITY, after.id().toString(), before, after);
              return sessions.save(before, after, now).map(r -> r.map(UserView::of));
            });
  }
}
