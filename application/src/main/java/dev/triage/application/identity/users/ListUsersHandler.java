package dev.triage.application.identity.users;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

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
            rows -> {
              boolean more = rows.size() > query.limit();
              List<UserView> items = rows.stream().limit(query.limit()).map(UserView::of).toList();
              Optional<String> next =
                  more ? Optional.of(items.get(items.size() - 1).email()) : Optional.empty();
              return Result.ok(new Page<>(items, next));
            });
  }
}
