package dev.triage.application.identity.users;

import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;

/** Finds the account an admin names by its id, as text: "not found" covers a malformed id too. */
final class UserLookup {

  private UserLookup() {}

  static Uni<Result<Account>> find(Accounts accounts, String userId) {
    Result<Account> missing = Result.err(ErrorCode.NOT_FOUND, "No such user.");
    return UserId.parse(userId) instanceof Result.Ok<UserId> id
        ? accounts.byId(id.value()).map(found -> found.map(Result::ok).orElse(missing))
        : Uni.createFrom().item(missing);
  }
}
