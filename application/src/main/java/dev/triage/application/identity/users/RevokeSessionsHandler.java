package dev.triage.application.identity.users;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/** Ends an account's sessions on an admin's word. */
public record RevokeSessionsHandler(Accounts accounts, SessionEnder sessions, Clock clock)
    implements Handler<RevokeSessions, UserView> {

  @Override
  public Uni<Result<UserView>> handle(RevokeSessions command, RequestContext context) {
    Instant now = clock.instant();
    return Results.map(
        Results.then(
            UserLookup.find(accounts, command.userId()),
            before -> sessions.save(before, before.endSessions(now), now, context)),
        UserView::of);
  }
}
