package dev.triage.application.identity.users;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.SessionEnder;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/** Applies an admin's change to an account. */
public record UpdateUserHandler(Accounts accounts, SessionEnder sessions, Clock clock)
    implements Handler<UpdateUser, UserView> {

  @Override
  public Uni<Result<UserView>> handle(UpdateUser command, RequestContext context) {
    Instant now = clock.instant();
    return Results.then(
        UserLookup.find(accounts, command.userId()),
        before ->
            Results.then(
                before.update(context.actor(), command.role(), command.active(), now),
                updated ->
                    Results.then(
                        command.restrictedToGroups().isEmpty()
                            ? Result.ok(updated)
                            : updated
                                .account()
                                .restrictToGroups(
                                    context.actor(), command.restrictedToGroups().get(), now)
                                .map(r -> new Account.Change(r.account(), updated.events())),
                        changed -> save(before, changed, now, context))));
  }

  /** A change with no events saves nothing (and ends no session), but is audited all the same. */
  private Uni<Result<UserView>> save(
      Account before, Account.Change changed, Instant now, RequestContext context) {
    if (changed.account().equals(before)) {
      context.effects().changed(UserView.ENTITY, before.id().toString(), before, before);
      return Uni.createFrom().item(Result.ok(UserView.of(before)));
    }
    if (changed.events().isEmpty()) {
      return Results.map(
          sessions.saveKeepingSessions(before, changed.account(), context), UserView::of);
    }
    return Results.map(sessions.save(before, changed.account(), now, context), UserView::of);
  }
}
