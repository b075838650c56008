package dev.triage.application.identity.users;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.NewAccounts;
import dev.triage.application.identity.UserView;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.GuessablePasswords;
import dev.triage.application.port.PasswordHasher;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.random.RandomGenerator;

/** Creates an account for someone else; also used to make sure the first admin exists. */
public record CreateUserHandler(NewAccounts accounts) implements Handler<CreateUser, UserView> {

  public CreateUserHandler(
      Accounts accounts,
      PasswordHasher hasher,
      GuessablePasswords guessable,
      Clock clock,
      RandomGenerator random) {
    this(new NewAccounts(accounts, hasher, guessable, clock, random));
  }

  @Override
  public Uni<Result<UserView>> handle(CreateUser command, RequestContext context) {
    return accounts.open(
        command.email(),
        command.displayName(),
        command.password(),
        errors -> {
          if (command.role() == null) {
            errors.take(Result.invalid("role", "is required"));
          }
        },
        context,
        (id, email, name, hash, now) ->
            Account.create(context.actor(), id, email, name, command.role(), hash, now));
  }
}
