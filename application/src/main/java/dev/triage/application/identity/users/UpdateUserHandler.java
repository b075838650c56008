package dev.triage.application.identity.users;

import dev.triage.application.Results;
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

/** Applies an admin's change to an account. */
public final class UpdateUserHandler implements Handler<UpdateUser, UserView> {

  private final Accounts accounts;
  private final SessionEnder sessions;
  private final Clock clock;

  public UpdateUserHandler(Accounts accounts, SessionEnder sessions, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public Uni<Result<UserView>> handle(UpdateUser command, RequestContext context) {
    if (!(UserId.parse(command.userId()) instanceof Result.Ok<UserId> id)) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, "No such user."));
    }
    Instant now = clock.instant();
    return accounts
        .byId(id.value())
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, "No such user."));
              }
              Account before = found.get();
              Result<Account.Change> change =
                  before.update(context.actor(), command.role(), command.active(), now);
              return Results.then(
                  change,
                  changed -> {
                    if (changed.events().isEmpty()) {
                      context
                          .effects()
                          .changed(UserView.ENTITY, before.id().toString(), before, before);
                      return Uni.createFrom().item(Result.ok(UserView.of(before)));
                    }
                    Account after = changed.account();
                    context
                        .effects()
                        .changed(UserView.ENTITY, after.id().toString(), before, after);
                    return Results.map(sessions.save(before, after, now), UserView::of);
                  });
            });
  }
}
