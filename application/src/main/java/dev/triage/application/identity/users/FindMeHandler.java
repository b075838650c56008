package dev.triage.application.identity.users;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Answers with the caller's account (API tokens have none: 404). */
public final class FindMeHandler implements Handler<FindMe, UserView> {

  private final Accounts accounts;

  public FindMeHandler(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Uni<Result<UserView>> handle(FindMe query, RequestContext context) {
    return accounts
        .byId(context.actor().id())
        .map(
            a ->
                a.map(UserView::of)
                    .map(Result::ok)
                    .orElseGet(
                        () -> Result.err(ErrorCode.NOT_FOUND, "This caller has no account.")));
  }
}
