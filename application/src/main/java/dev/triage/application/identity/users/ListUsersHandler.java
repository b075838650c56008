package dev.triage.application.identity.users;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Lists accounts a page at a time (keyset on email). */
public final class ListUsersHandler implements Handler<ListUsers, Page<UserView>> {

  private final Accounts accounts;

  public ListUsersHandler(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Uni<Result<Page<UserView>>> handle(ListUsers query, RequestContext context) {
    return accounts
        .page(query.afterEmail(), query.limit() + 1)
        .map(
            rows ->
                Result.ok(
                    Page.of(rows, query.limit(), last -> last.email().value()).map(UserView::of)));
  }
}
